"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { useToast } from "@/components/ui/toast";
import { useDisableTotp, useMfaStatus, useRegenerateRecoveryCodes, useStartTotp, type Reauth } from "@/lib/account/queries";
import type { AccountView, MfaStatusView } from "@/lib/account/types";
import { ReauthDialog } from "./reauth-dialog";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { TotpSetup } from "./totp-setup";

type Action = "start" | "regenerate" | "disable";

const REAUTH_COPY: Record<Action, { title: string; description: string; actionLabel: string }> = {
  start: { title: "Set up an authenticator app", description: "Enter your password to continue.", actionLabel: "Continue" },
  regenerate: { title: "New recovery codes", description: "Your current recovery codes stop working. Enter your password to continue.", actionLabel: "Create new codes" },
  disable: { title: "Remove the authenticator app", description: "Enter your password to turn off two-factor authentication.", actionLabel: "Remove" },
};

/** Two-factor authentication: the authenticator app (TOTP) and recovery codes. */
export function TwoFactorSection({ account, initialStatus }: { account: AccountView; initialStatus: MfaStatusView }) {
  const { data: status = initialStatus } = useMfaStatus(initialStatus);
  const start = useStartTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTotp();
  const confirm = useConfirm();
  const toast = useToast();
  const [reauthFor, setReauthFor] = useState<Action | null>(null);
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);

  const mutations = { start, regenerate, disable };
  function run(action: Action, reauth: Reauth) {
    const onError = account.hasPassword ? undefined : (error: Error) => toast({ title: "Not changed", description: error.message, variant: "error" });
    const after = <T,>(show: (result: T) => void) => (result: T) => {
      setReauthFor(null);
      show(result);
    };
    if (action === "start") start.mutate(reauth, { onSuccess: after(({ secret, qrSvg }) => setSetup({ secret, qrSvg })), onError });
    if (action === "regenerate") regenerate.mutate(reauth, { onSuccess: after(({ recoveryCodes }) => setShownCodes(recoveryCodes)), onError });
    if (action === "disable") {
      const turnedOff = () => {
        setShownCodes(null);
        toast({ title: "Two-factor authentication is off", variant: "success" });
      };
      disable.mutate(reauth, { onSuccess: after(turnedOff), onError });
    }
  }
  // Password accounts confirm with their password; password-less ones rely on a recent sign-in.
  function begin(action: Action) {
    mutations[action].reset();
    if (account.hasPassword) setReauthFor(action);
    else run(action, {});
  }
  async function beginDisable() {
    const ok = await confirm({
      title: "Turn off two-factor authentication?",
      description: "Sign-ins will ask only for your password or email link, and your recovery codes stop working.",
      confirmLabel: "Turn off",
    });
    if (ok) begin("disable");
  }

  return (
    <Card aria-labelledby="two-factor-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle id="two-factor-title">Two-factor authentication</CardTitle>
          <StatusBadge tone={status.totp ? "good" : "neutral"} testId="two-factor-status">
            {status.totp ? "On" : "Off"}
          </StatusBadge>
        </div>
        <CardDescription>A code from an authenticator app on your phone, asked for after your password or email link.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {setup ? (
          <TotpSetup
            secret={setup.secret}
            qrSvg={setup.qrSvg}
            onCancel={() => setSetup(null)}
            onConfirmed={(codes) => {
              setSetup(null);
              setShownCodes(codes);
              toast({ title: "Two-factor authentication is on", variant: "success" });
            }}
          />
        ) : null}
        {shownCodes ? <RecoveryCodesPanel codes={shownCodes} onDone={() => setShownCodes(null)} /> : null}
        {!setup && !status.totp ? (
          <div>
            <Button type="button" onClick={() => begin("start")} disabled={start.isPending}>
              Set up authenticator app
            </Button>
          </div>
        ) : null}
        {status.totp ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div className="flex items-center justify-between gap-3 rounded-md border border-border px-4 py-3">
              <div>
                <dt className="font-medium">Authenticator app</dt>
                <dd className="text-muted-foreground">Codes from your app</dd>
              </div>
              <Button type="button" size="sm" variant="outline" onClick={() => void beginDisable()}>
                Remove
              </Button>
            </div>
            <div className="flex items-center justify-between gap-3 rounded-md border border-border px-4 py-3">
              <div>
                <dt className="font-medium">Recovery codes</dt>
                <dd className="text-muted-foreground" data-testid="recovery-codes-left">
                  {status.recoveryCodesLeft} of 10 left
                </dd>
              </div>
              <Button type="button" size="sm" variant="outline" onClick={() => begin("regenerate")}>
                New codes
              </Button>
            </div>
          </dl>
        ) : null}
      </CardContent>
      {reauthFor ? (
        <ReauthDialog
          {...REAUTH_COPY[reauthFor]}
          destructive={reauthFor === "disable"}
          pending={mutations[reauthFor].isPending}
          error={mutations[reauthFor].error}
          onSubmit={(password) => run(reauthFor, { password })}
          onClose={() => setReauthFor(null)}
        />
      ) : null}
    </Card>
  );
}
