// POST /api/v1/auth/unlock: opens a locked account from the emailed link.
import { unlockAccount } from "@/lib/auth/lockout";
import { linkTokenBody } from "@/lib/auth/schemas";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none", csrf: true, schemas: { body: linkTokenBody } }, async ({ request, requestId, body }) =>
  unlockAccount(body.token, { request, requestId }),
);
