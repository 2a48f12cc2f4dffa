// GET /api/v1/account/mfa: which second factors the account has, and how many recovery codes are left.
import { mfaStatus } from "@/lib/auth/mfa/factors";
import { route } from "@/lib/http/route";
import { accountActor } from "../account-actor";

export const GET = route({ auth: "session" }, async (ctx) => ({ mfa: await mfaStatus(accountActor(ctx).userId) }));
