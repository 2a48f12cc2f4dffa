// The organization this browser last opened, remembered in a cookie (set by proxy.ts on
// every /orgs/<slug> page view) so sign-in without a target and the account pages land
// in it. Only a hint: whoever reads it checks membership again.
export const LAST_ORG_COOKIE = "bastion.last-org";

const SLUG_IN_PATH = /^\/orgs\/([a-z0-9][a-z0-9-]{0,62})(?:\/|$)/;

/** The org slug a console path is about, if any. */
export function orgSlugInPath(pathname: string): string | null {
  return SLUG_IN_PATH.exec(pathname)?.[1] ?? null;
}
