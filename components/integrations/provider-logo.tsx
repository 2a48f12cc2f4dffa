import type { Provider } from "@/lib/integrations/types";
import { PROVIDER_LABELS, PROVIDER_LOGOS } from "./providers";

/** A provider's mark on a tile. GitHub's is dark on dark, so dark mode inverts it. */
export function ProviderLogo({ provider, size = 40 }: { provider: Provider; size?: number }) {
  const inner = Math.round(size * 0.6);
  return (
    <span className="inline-flex shrink-0 items-center justify-center rounded-lg border border-border bg-background shadow-xs" style={{ width: size, height: size }}>
      {/* A plain <img>: a local SVG needs no optimizer, and the alt text names the provider. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={PROVIDER_LOGOS[provider]} alt={`${PROVIDER_LABELS[provider]} logo`} width={inner} height={inner} className={provider === "github" ? "dark:invert" : undefined} />
    </span>
  );
}
