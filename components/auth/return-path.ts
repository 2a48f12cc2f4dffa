"use client";

import { safeRedirectPath } from "@/lib/auth/redirect";

// Where a new user wanted to go (an invitation, a console page) survives the detour
// through sign-up, the verification email and sign-in, in this browser only.
const KEY = "bastion.returnPath";

export function rememberReturnPath(next: string | null): void {
  if (!next) return;
  const path = safeRedirectPath(next, "");
  if (path) window.localStorage.setItem(KEY, path);
}

/** The sign-in URL that continues to the remembered path, and forgets it. */
export function signInHrefWithReturnPath(): string {
  const path = typeof window === "undefined" ? null : window.localStorage.getItem(KEY);
  if (!path) return "/sign-in";
  window.localStorage.removeItem(KEY);
  return `/sign-in?${new URLSearchParams({ next: path })}`;
}
