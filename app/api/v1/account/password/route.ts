// POST /api/v1/account/password: change (or first set) the password; ends other sessions.
import { changePassword } from "@/lib/account/password";
import { changePasswordBody } from "@/lib/account/schemas";
import { route } from "@/lib/http/route";
import { accountActor } from "../account-actor";

export const POST = route({ auth: "session", schemas: { body: changePasswordBody } }, async (ctx) => changePassword(accountActor(ctx), ctx.body));
