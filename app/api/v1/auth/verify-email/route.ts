// POST /api/v1/auth/verify-email: consumes the emailed verification token.
import { verifyEmail } from "@/lib/auth/email-verification";
import { linkTokenBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: linkTokenBody } }, async ({ request, requestId, body }) =>
  verifyEmail(body.token, { request, requestId }),
);
