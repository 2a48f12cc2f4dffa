"use client";

import { useEffect, useState } from "react";

/**
 * The token of an emailed link, `#token=` (never sent to the server) or `?token=`, read
 * in the browser and removed from the address bar at once, so it stays out of history
 * and referrers. undefined until read; null when the link has none.
 */
export function useLinkToken(): string | null | undefined {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const read = (initial: boolean) => {
      const url = new URL(window.location.href);
      const fragment = new URLSearchParams(url.hash.slice(1));
      const value = fragment.get("token") ?? url.searchParams.get("token");
      if (value) {
        url.searchParams.delete("token");
        url.hash = "";
        window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
      }
      // Strict mode runs this twice; the second run finds the token already removed.
      // A later link pasted into the same tab (a new #token) replaces the one shown.
      setToken((current) => (initial ? (current ?? value) : (value ?? current)));
    };
    read(true);
    const onHashChange = () => read(false);
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return token;
}
