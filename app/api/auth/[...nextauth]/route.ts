// GET, POST /api/auth/* — next-auth: magic links, instance and per-org OIDC sign-in,
// session and sign-out. Options are built per request (see lib/auth/next-auth).
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { handleAuthRequest } from "@/lib/auth/next-auth/handler";
import { route } from "@/lib/http/route";

const handler = route(
  { auth: "none", csrf: true, schemas: { params: z.object({ nextauth: z.array(text().max(200)).min(1).max(2) }) } },
  (ctx) => handleAuthRequest(ctx, ctx.params.nextauth),
);

export { handler as GET, handler as POST };
