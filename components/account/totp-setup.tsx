"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useConfirmTotp } from "@/lib/account/queries";
import { FormStatus } from "./form-status";

/** Step 2 of setting up an authenticator app: scan (or type) the secret, then prove it with a code. */
export function TotpSetup({ secret, qrSvg, onConfirmed, onCancel }: { secret: string; qrSvg: string; onConfirmed: (recoveryCodes: string[] | null) => void; onCancel: () => void }) {
  const confirm = useConfirmTotp();
  const [code, setCode] = useState("");
  const { errors, clear } = useFieldErrors(confirm.error);
  return (
    <div className="flex flex-col gap-4 rounded-md border border-border p-4 sm:flex-row sm:items-start sm:gap-6">
      {/* Rendered by the server from our own otpauth URI; colours follow the theme (currentColor). */}
      <div
        role="img"
        aria-label="QR code for your authenticator app"
        className="size-44 shrink-0 self-center rounded-md bg-white p-2 text-black sm:self-start [&>svg]:size-full"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <form
        className="flex min-w-0 flex-1 flex-col gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm.mutate(code, { onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes) });
        }}
      >
        <p className="text-sm text-muted-foreground">Scan the QR code with your authenticator app, or enter this key by hand:</p>
        <div className="flex items-center gap-2">
          <code data-testid="totp-secret" className="min-w-0 break-all rounded bg-muted px-2 py-1 font-mono text-sm">
            {secret}
          </code>
          <CopyButton value={secret} label="Copy setup key" />
        </div>
        <Field
          id="totp-code"
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          value={code}
          error={errors.code}
          onChange={(event) => {
            clear("code");
            setCode(event.target.value);
          }}
        />
        <FormStatus error={confirm.error} fields={["code"]} />
        <div className="flex gap-2">
          <Button type="submit" disabled={confirm.isPending}>
            {confirm.isPending ? "Checking…" : "Turn on"}
          </Button>
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
