// DELETE /api/v1/account/sessions/[id]: end one of the caller's sessions.
import { revokeAccountSession } from "@/lib/account/sessions";
import { sessionParams } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor, jsonClearingSession } from "../../account-actor";

export const DELETE = route({ auth: "session", schemas: { params: sessionParams } }, async (ctx) => {
  const { current } = await revokeAccountSession(accountActor(ctx), ctx.params.id);
  // Ending the session this browser uses signs it out here too.
  return current ? jsonClearingSession({ revoked: true, current }) : { revoked: true, current };
});
