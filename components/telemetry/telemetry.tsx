"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { PostHog } from "posthog-js";
import type { BrowserTelemetry } from "@/lib/telemetry/browser";

/** Paths without names: an org's slug becomes [slug]; query strings are dropped. */
export function anonymousPath(pathname: string): string {
  return pathname.replace(/^\/orgs\/[^/]+/, "/orgs/[slug]").replace(/^\/invitations\/[^/]+/, "/invitations/[token]");
}

const URL_PROPERTIES = ["$current_url", "$pathname", "$referrer", "$initial_referrer", "$initial_current_url", "$initial_pathname"];

/**
 * Page views through posthog-js, loaded with a dynamic import only when the server says
 * telemetry is on: unconfigured, its chunk is never requested.
 */
export function Telemetry({ config }: { config: BrowserTelemetry | null }) {
  const pathname = usePathname();
  const [client, setClient] = useState<PostHog | null>(null);

  useEffect(() => {
    if (!config) return;
    let cancelled = false;
    void import("posthog-js").then(({ default: posthog }) => {
      if (cancelled) return;
      posthog.init(config.key, {
        api_host: config.host,
        autocapture: false,
        capture_pageview: false,
        capture_pageleave: false,
        disable_session_recording: true,
        disable_surveys: true,
        disable_external_dependency_loading: true,
        advanced_disable_flags: true,
        save_referrer: false,
        persistence: "memory",
        before_send: (event) => {
          if (!event) return event;
          for (const key of URL_PROPERTIES) delete event.properties[key];
          event.properties.path = anonymousPath(window.location.pathname);
          return event;
        },
      });
      if (config.distinctId) posthog.identify(config.distinctId);
      setClient(posthog);
    });
    return () => {
      cancelled = true;
    };
  }, [config]);

  useEffect(() => {
    client?.capture("$pageview", { path: anonymousPath(pathname) });
  }, [client, pathname]);

  return null;
}
