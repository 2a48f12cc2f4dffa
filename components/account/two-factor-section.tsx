"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { useToast } from "@/components/ui/toast";
import { useAddPasskey, useDisableTotp, useMfaStatus, useRegenerateRecoveryCodes, useRemovePasskey, useStartTotp, type Reauth } from "@/lib/account/queries";
import type { AccountView, MfaStatusView, PasskeyView } from "@/lib/account/types";
import { PasskeysList } from "./passkeys-list";
import { ReauthDialog } from "./reauth-dialog";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { TotpSetup } from "./totp-setup";

type Action = "start" | "regenerate" | "disable" | "addPasskey" | "removePasskey";

const REAUTH_COPY: Record<Action, { title: string; description: string; actionLabel: string }> = {
  start: { title: "Set up an authenticator app", description: "Enter your password to continue.", actionLabel: "Continue" },
  regenerate: { title: "New recovery codes", description: "Your current recovery codes stop working. Enter your password to continue.", actionLabel: "Create new codes" },
  disable: { title: "Remove the authenticator app", description: "Enter your password to remove the authenticator app.", actionLabel: "Remove" },
  addPasskey: { title: "Add a passkey", description: "Enter your password, then follow your browser's prompt.", actionLabel: "Continue" },
  removePasskey: { title: "Remove the passkey", description: "Enter your password to remove this passkey.", actionLabel: "Remove" },
};

function Row({ title, detail, children }: { title: string; detail: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-border px-4 py-3 text-sm">
      <div>
        <p className="font-medium">{title}</p>
        <p className="text-muted-foreground">{detail}</p>
      </div>
      {children}
    </div>
  );
}

/** Two-factor authentication: an authenticator app (TOTP), passkeys, and recovery codes. */
export function TwoFactorSection({ account, initialStatus }: { account: AccountView; initialStatus: MfaStatusView }) {
  const { data: status = initialStatus } = useMfaStatus(initialStatus);
  const mutations = {
    start: useStartTotp(),
    regenerate: useRegenerateRecoveryCodes(),
    disable: useDisableTotp(),
    addPasskey: useAddPasskey(),
    removePasskey: useRemovePasskey(),
  };
  const confirm = useConfirm();
  const toast = useToast();
  const [reauthFor, setReauthFor] = useState<Action | null>(null);
  const [passkeyToRemove, setPasskeyToRemove] = useState<PasskeyView | null>(null);
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  const enabled = status.totp || status.passkeys.length > 0;

  function run(action: Action, reauth: Reauth) {
    const onError = account.hasPassword ? undefined : (error: Error) => toast({ title: "Not changed", description: error.message, variant: "error" });
    const after =
      <T,>(show: (result: T) => void) =>
      (result: T) => {
        setReauthFor(null);
        show(result);
      };
    const say = (title: string) => toast({ title, variant: "success" });
    if (action === "start") mutations.start.mutate(reauth, { onSuccess: after(({ secret, qrSvg }) => setSetup({ secret, qrSvg })), onError });
    if (action === "regenerate") mutations.regenerate.mutate(reauth, { onSuccess: after(({ recoveryCodes }) => setShownCodes(recoveryCodes)), onError });
    if (action === "disable") mutations.disable.mutate(reauth, { onSuccess: after(() => say("Authenticator app removed")), onError });
    if (action === "addPasskey") {
      const added = ({ passkey, recoveryCodes }: { passkey: PasskeyView; recoveryCodes: string[] | null }) => {
        if (recoveryCodes) setShownCodes(recoveryCodes);
        say(`${passkey.name} added`);
      };
      mutations.addPasskey.mutate({ ...reauth, name: `Passkey ${status.passkeys.length + 1}` }, { onSuccess: after(added), onError });
    }
    if (action === "removePasskey" && passkeyToRemove) mutations.removePasskey.mutate({ ...reauth, id: passkeyToRemove.id }, { onSuccess: after(() => say(`${passkeyToRemove.name} removed`)), onError });
  }
  // Password accounts confirm with their password; password-less ones rely on a recent sign-in.
  function begin(action: Action) {
    mutations[action].reset();
    if (account.hasPassword) setReauthFor(action);
    else run(action, {});
  }
  async function confirmThen(action: Action, title: string, description: string) {
    if (await confirm({ title, description, confirmLabel: "Remove" })) begin(action);
  }
  const lastFactorNote = "If it is your last factor, sign-ins stop asking for a second one and your recovery codes stop working.";

  return (
    <Card aria-labelledby="two-factor-title">
      <CardHeader>
        <div className="flex items-center gap-2">
          <CardTitle id="two-factor-title">Two-factor authentication</CardTitle>
          <StatusBadge tone={enabled ? "good" : "neutral"} testId="two-factor-status">
            {enabled ? "On" : "Off"}
          </StatusBadge>
        </div>
        <CardDescription>A second step after your password or email link: a code from an authenticator app, or a passkey.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {shownCodes ? <RecoveryCodesPanel codes={shownCodes} onDone={() => setShownCodes(null)} /> : null}
        <Row title="Authenticator app" detail={status.totp ? "On: codes from your app" : "Codes from an app such as 1Password or Google Authenticator"}>
          {status.totp ? (
            <Button type="button" size="sm" variant="outline" onClick={() => void confirmThen("disable", "Remove the authenticator app?", lastFactorNote)}>
              Remove
            </Button>
          ) : setup ? null : (
            <Button type="button" size="sm" onClick={() => begin("start")} disabled={mutations.start.isPending}>
              Set up
            </Button>
          )}
        </Row>
        {setup ? (
          <TotpSetup
            secret={setup.secret}
            qrSvg={setup.qrSvg}
            onCancel={() => setSetup(null)}
            onConfirmed={(codes) => {
              setSetup(null);
              setShownCodes(codes);
              toast({ title: "Authenticator app is on", variant: "success" });
            }}
          />
        ) : null}
        <Row title="Passkeys" detail={status.passkeys.length > 0 ? `${status.passkeys.length} registered` : "Your device's fingerprint, face or PIN, or a security key"}>
          <Button type="button" size="sm" variant={status.passkeys.length > 0 ? "outline" : "default"} onClick={() => begin("addPasskey")} disabled={mutations.addPasskey.isPending}>
            Add passkey
          </Button>
        </Row>
        <PasskeysList
          passkeys={status.passkeys}
          onRemove={(passkey) => {
            setPasskeyToRemove(passkey);
            void confirmThen("removePasskey", `Remove ${passkey.name}?`, lastFactorNote);
          }}
        />
        {enabled ? (
          <Row title="Recovery codes" detail={`${status.recoveryCodesLeft} of 10 left`}>
            <Button type="button" size="sm" variant="outline" onClick={() => begin("regenerate")}>
              New codes
            </Button>
          </Row>
        ) : null}
      </CardContent>
      {reauthFor ? (
        <ReauthDialog
          {...REAUTH_COPY[reauthFor]}
          destructive={reauthFor === "disable" || reauthFor === "removePasskey"}
          pending={mutations[reauthFor].isPending}
          error={mutations[reauthFor].error}
          onSubmit={(password) => run(reauthFor, { password })}
          onClose={() => setReauthFor(null)}
        />
      ) : null}
    </Card>
  );
}
