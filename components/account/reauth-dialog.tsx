"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { FormStatus } from "./form-status";

/**
 * Asks for the current password before a two-factor change (the API checks it again).
 * `error` is the last refusal of the action, shown under the field or above the buttons.
 */
export function ReauthDialog({
  title,
  description,
  actionLabel,
  pending,
  error,
  destructive,
  onSubmit,
  onClose,
}: {
  title: string;
  description: string;
  actionLabel: string;
  pending: boolean;
  error: unknown;
  destructive?: boolean;
  onSubmit: (password: string) => void;
  onClose: () => void;
}) {
  const [password, setPassword] = useState("");
  const { errors, clear } = useFieldErrors(error);
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(password);
        }}
      >
        <p className="text-sm text-muted-foreground">{description}</p>
        <Field
          id="reauth-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          data-autofocus
          required
          value={password}
          error={errors.password}
          onChange={(event) => {
            clear("password");
            setPassword(event.target.value);
          }}
        />
        <FormStatus error={error} fields={["password"]} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
            {pending ? "Checking…" : actionLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
