// POST /api/v1/account/sessions/revoke-others: "sign out other sessions".
import { revokeAccountSessions } from "@/lib/account/sessions";
import { route } from "@/lib/http/route";
import { accountActor } from "../../account-actor";

export const POST = route({ auth: "session" }, async (ctx) => revokeAccountSessions(accountActor(ctx), "others"));
