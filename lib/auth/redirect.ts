// Where to send a browser after sign-in: only a path on this site, never another origin
// (no open redirect). Anything else falls back to `fallback`.
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://bastion.invalid");
    if (url.origin !== "http://bastion.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** Where sign-in goes without a target: the console, in the organization last opened (app/(console)/orgs/page.tsx). */
export const CONSOLE_HOME = "/orgs?open=last";
