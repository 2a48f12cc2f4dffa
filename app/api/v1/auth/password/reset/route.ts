// POST /api/v1/auth/password/reset: new password from the emailed link; ends every session.
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: resetPasswordBody } }, async ({ request, requestId, body }) =>
  resetPassword(body, { request, requestId }),
);
