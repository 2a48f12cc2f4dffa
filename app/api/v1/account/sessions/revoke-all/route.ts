// POST /api/v1/account/sessions/revoke-all: "sign out everywhere", this browser included.
import { revokeAccountSessions } from "@/lib/account/sessions";
import { route } from "@/lib/http/route";
import { accountActor, jsonClearingSession } from "../../account-actor";

export const POST = route({ auth: "session" }, async (ctx) => jsonClearingSession(await revokeAccountSessions(accountActor(ctx), "all")));
