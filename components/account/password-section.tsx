"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
            <div className="grid gap-1.5">
              <Label htmlFor="current-password">Current password</Label>
              <Input id="current-password" type="password" value={currentPassword} onChange={(event) => setCurrentPassword(event.target.value)} required autoComplete="current-password" />
            </div>
          ) : null}
          <div className="grid gap-1.5">
            <Label htmlFor="new-password">New password</Label>
            <Input id="new-password" type="password" value={newPassword} onChange={(event) => setNewPassword(event.target.value)} required minLength={10} autoComplete="new-password" />
            <p className="text-xs text-muted-foreground">At least 10 characters, and not a common password.</p>
          </div>
          <FormStatus error={change.error} success={change.data ? endedMessage(change.data.otherSessionsEnded) : null} />
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
