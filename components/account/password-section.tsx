"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/auth/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useChangePassword } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

function endedMessage(count: number): string {
  if (count === 0) return "Your password was changed.";
  return `Your password was changed and ${count} other ${count === 1 ? "session was" : "sessions were"} signed out.`;
}

export function PasswordSection({ account }: { account: AccountView }) {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const { errors, clear } = useFieldErrors(change.error);
  return (
    <Card aria-labelledby="password-title">
      <CardHeader>
        <CardTitle id="password-title">{account.hasPassword ? "Password" : "Set a password"}</CardTitle>
        <CardDescription>
          {account.hasPassword
            ? "Changing your password signs out every other session."
            : "You sign in without a password. Set one to also sign in with your email address and a password."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex max-w-md flex-col gap-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate(
              { ...(account.hasPassword ? { currentPassword } : {}), newPassword },
              {
                onSuccess: () => {
                  setCurrentPassword("");
                  setNewPassword("");
                },
              },
            );
          }}
        >
          {account.hasPassword ? (
            <Field
              id="current-password"
              label="Current password"
              type="password"
              value={currentPassword}
              error={errors.currentPassword}
              onChange={(event) => {
                clear("currentPassword");
                setCurrentPassword(event.target.value);
              }}
              required
              autoComplete="current-password"
            />
          ) : null}
          <Field
            id="new-password"
            label="New password"
            type="password"
            hint="At least 10 characters, and not a common password."
            value={newPassword}
            error={errors.newPassword}
            onChange={(event) => {
              clear("newPassword");
              setNewPassword(event.target.value);
            }}
            required
            autoComplete="new-password"
          />
          <FormStatus error={change.error} fields={["currentPassword", "newPassword"]} success={change.data ? endedMessage(change.data.otherSessionsEnded) : null} />
          <div>
            <Button type="submit" disabled={change.isPending}>
              {account.hasPassword ? "Change password" : "Set password"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
