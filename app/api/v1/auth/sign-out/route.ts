// POST /api/v1/auth/sign-out: ends this browser's session and clears its cookie.
import { clearSessionCookieHeaders } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "session" }, async ({ request, requestId, actor }) => {
  if (actor?.kind === "user") await signOut(actor, { request, requestId });
  const headers = new Headers();
  for (const cookie of clearSessionCookieHeaders()) headers.append("set-cookie", cookie);
  return Response.json({ signedOut: true }, { headers });
});
