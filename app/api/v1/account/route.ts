// GET /api/v1/account, PATCH /api/v1/account (name), DELETE /api/v1/account
import { getAccount, updateName } from "@/lib/account/account";
import { deleteAccount } from "@/lib/account/delete-account";
import { deleteAccountBody, updateAccountBody } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor, jsonClearingSession } from "./account-actor";

export const GET = route({ auth: "session" }, async (ctx) => ({ account: await getAccount(accountActor(ctx).userId) }));

export const PATCH = route({ auth: "session", schemas: { body: updateAccountBody } }, async (ctx) => ({
  account: await updateName(accountActor(ctx), ctx.body.name),
}));

export const DELETE = route({ auth: "session", schemas: { body: deleteAccountBody } }, async (ctx) => {
  await deleteAccount(accountActor(ctx), ctx.body);
  return jsonClearingSession({ deleted: true });
});
