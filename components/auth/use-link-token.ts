"use client";

import { useEffect, useState } from "react";

/**
 * The `?token=` of an emailed link, read in the browser (never rendered by the server)
 * and removed from the address bar at once, so it stays out of history and referrers.
 * undefined until read; null when the link has none.
 */
export function useLinkToken(): string | null | undefined {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const url = new URL(window.location.href);
    const value = url.searchParams.get("token");
    if (value) {
      url.searchParams.delete("token");
      window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    }
    // Strict mode runs this twice; the second run finds the token already removed.
    setToken((current) => current ?? value);
  }, []);
  return token;
}
