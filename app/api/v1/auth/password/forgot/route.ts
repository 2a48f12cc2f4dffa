// POST /api/v1/auth/password/forgot: same answer whether or not the address has an account.
import { forgotPassword } from "@/lib/auth/password-reset";
import { emailOnlyBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: emailOnlyBody } }, async ({ request, requestId, body }) =>
  forgotPassword(body.email, { request, requestId }),
);
