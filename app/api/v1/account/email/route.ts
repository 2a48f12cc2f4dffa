// POST /api/v1/account/email: mail a confirmation link to a new address.
import { requestEmailChange } from "@/lib/account/email-change";
import { requestEmailChangeBody } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../account-actor";

export const POST = route({ auth: "session", schemas: { body: requestEmailChangeBody } }, async (ctx) =>
  requestEmailChange(accountActor(ctx), ctx.body.email),
);
