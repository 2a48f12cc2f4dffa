// POST /api/v1/auth/sign-out: ends this browser's session and clears its cookie. A form
// post from a page gets a redirect to the sign-in page; an API call gets JSON.
import { clearSessionCookieHeaders } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "session" }, async ({ request, requestId, actor }) => {
  if (actor?.kind === "user") await signOut(actor, { request, requestId });
  const fromPage = request.headers.get("accept")?.includes("text/html") ?? false;
  const response = fromPage ? new Response(null, { status: 303, headers: { location: "/sign-in" } }) : Response.json({ signedOut: true });
  for (const cookie of clearSessionCookieHeaders()) response.headers.append("set-cookie", cookie);
  return response;
});
