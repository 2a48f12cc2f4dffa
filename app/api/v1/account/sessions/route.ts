// GET /api/v1/account/sessions: the caller's live sessions, the current one marked.
import { listAccountSessions } from "@/lib/account/sessions";
import { route } from "@/lib/http/route";
import { accountActor } from "../account-actor";

export const GET = route({ auth: "session" }, async (ctx) => ({ sessions: await listAccountSessions(accountActor(ctx)) }));
