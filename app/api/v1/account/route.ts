// GET /api/v1/account, PATCH /api/v1/account (name, telemetry opt-out), DELETE /api/v1/account
import { getAccount, setTelemetryOptOut, updateName } from "@/lib/account/account";
import { deleteAccount } from "@/lib/account/delete-account";
import { deleteAccountBody, updateAccountBody } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor, jsonClearingSession } from "./account-actor";

export const GET = route({ auth: "session" }, async (ctx) => ({ account: await getAccount(accountActor(ctx).userId) }));

export const PATCH = route({ auth: "session", schemas: { body: updateAccountBody } }, async (ctx) => {
  const actor = accountActor(ctx);
  let account = ctx.body.name !== undefined ? await updateName(actor, ctx.body.name) : undefined;
  if (ctx.body.telemetryOptOut !== undefined) account = await setTelemetryOptOut(actor, ctx.body.telemetryOptOut);
  return { account: account ?? (await getAccount(actor.userId)) };
});

export const DELETE = route({ auth: "session", schemas: { body: deleteAccountBody } }, async (ctx) => {
  await deleteAccount(accountActor(ctx), ctx.body);
  return jsonClearingSession({ deleted: true });
});
