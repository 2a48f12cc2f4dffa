"use client";
// Upgrade (Stripe Checkout) and Manage billing (Stripe customer portal). One attempt id
// per page view: a double click or a retried request gets the same Checkout Session.
// Only a live subscription has something to manage: without one (never subscribed, or
// canceled) the way back is Checkout, which asks for a card again.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/auth/api-error-alert";
import { Button } from "@/components/ui/button";
import type { ApiError } from "@/lib/api-client";
import { checkoutRequest, portalRequest, type BillingRedirect } from "@/lib/billing/queries";

export function BillingActions({ slug, currentPlan, live }: { slug: string; currentPlan: string; live: boolean }) {
  const [attemptId] = useState(() => crypto.randomUUID());
  const [interval, setInterval] = useState<"month" | "year">("month");
  const go = (redirect: BillingRedirect) => window.location.assign(redirect.url);
  const checkout = useMutation<BillingRedirect, ApiError, string>({ mutationFn: (plan) => checkoutRequest(slug, { plan, interval, attemptId }), onSuccess: go });
  const portal = useMutation<BillingRedirect, ApiError>({ mutationFn: () => portalRequest(slug), onSuccess: go });
  const busy = checkout.isPending || portal.isPending;
  return (
    <div className="flex flex-col gap-3">
      <ApiErrorAlert error={checkout.error ?? portal.error} />
      <div className="flex flex-wrap items-center gap-2">
        {live ? null : (
          <>
            <label className="text-sm text-muted-foreground" htmlFor="billing-interval">
              Billed
            </label>
            <select id="billing-interval" className="h-9 rounded-md border border-border bg-background px-2 text-sm" value={interval} onChange={(event) => setInterval(event.target.value as "month" | "year")}>
              <option value="month">monthly</option>
              <option value="year">yearly</option>
            </select>
            {currentPlan !== "team" ? (
              <Button onClick={() => checkout.mutate("team")} disabled={busy}>
                Upgrade to Team
              </Button>
            ) : null}
            {currentPlan !== "enterprise" ? (
              <Button variant="outline" onClick={() => checkout.mutate("enterprise")} disabled={busy}>
                Upgrade to Enterprise
              </Button>
            ) : null}
          </>
        )}
        {live ? (
          <Button onClick={() => portal.mutate()} disabled={busy}>
            Manage billing
          </Button>
        ) : null}
      </div>
      {live ? <p className="text-sm text-muted-foreground">Change plan, seats, payment method or cancel in the Stripe customer portal.</p> : null}
    </div>
  );
}
