// POST /api/v1/auth/sign-up: same answer whether or not the address has an account.
import { signUpBody } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: signUpBody } }, async ({ request, requestId, body }) =>
  signUp(body, { request, requestId }),
);
