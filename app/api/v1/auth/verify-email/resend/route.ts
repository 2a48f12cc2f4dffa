// POST /api/v1/auth/verify-email/resend: same answer for every address.
import { resendVerification } from "@/lib/auth/email-verification";
import { emailOnlyBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: emailOnlyBody } }, async ({ request, requestId, body }) =>
  resendVerification(body.email, { request, requestId }),
);
