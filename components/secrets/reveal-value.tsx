"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { revealSecret } from "@/lib/secrets/queries";
import type { ApiError } from "@/lib/api-client";

/** How long a revealed value stays on screen. */
export const REVEAL_MS = 30_000;

/** Reveals a value on request (an audited API call), shows it for `visibleMs`, then forgets it. */
export function RevealValue({ slug, secretId, secretKey, visibleMs = REVEAL_MS }: { slug: string; secretId: string; secretKey: string; visibleMs?: number }) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (value === null) return;
    const timer = setTimeout(() => {
      setValue(null);
      setCopied(false);
    }, visibleMs);
    return () => clearTimeout(timer);
  }, [value, visibleMs]);

  if (value === null) {
    return (
      <span className="inline-flex items-center gap-2">
        <Button
          size="sm"
          variant="outline"
          aria-label={`Reveal ${secretKey}`}
          onClick={() => {
            setError(null);
            revealSecret(slug, secretId).then((answer) => setValue(answer.value), (failure: ApiError) => setError(failure.message));
          }}
        >
          Reveal
        </Button>
        {error && <span className="text-xs text-destructive">{error}</span>}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <code data-testid="revealed-value" className="max-w-xs truncate rounded bg-muted px-2 py-1 font-mono text-xs">
        {value}
      </code>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Copy ${secretKey}`}
        onClick={() => navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Hide ${secretKey}`} onClick={() => setValue(null)}>
        Hide
      </Button>
    </span>
  );
}
