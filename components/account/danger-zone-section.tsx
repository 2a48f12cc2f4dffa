"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useDeleteAccount } from "@/lib/account/queries";
import { DELETE_CONFIRMATION, type AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

export function DangerZoneSection({ account }: { account: AccountView }) {
  const remove = useDeleteAccount();
  const [confirmation, setConfirmation] = useState("");
  const [password, setPassword] = useState("");
  const confirmed = confirmation.trim().toLowerCase() === DELETE_CONFIRMATION;
  return (
    <Card aria-labelledby="danger-title" className="border-destructive/40">
      <CardHeader>
        <CardTitle id="danger-title">Delete account</CardTitle>
        <CardDescription>
          Deletes your account, signs out every session and removes you from your organizations. This cannot be undone. An organization you
          are the only owner of needs another owner first.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex max-w-md flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            remove.mutate(
              { confirmation, ...(account.hasPassword ? { password } : {}) },
              { onSuccess: () => window.location.assign("/") },
            );
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="delete-confirmation">
              Type <span className="font-mono">{DELETE_CONFIRMATION}</span> to confirm
            </Label>
            <Input id="delete-confirmation" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} autoComplete="off" />
          </div>
          {account.hasPassword ? (
            <div className="grid gap-1.5">
              <Label htmlFor="delete-password">Your password</Label>
              <Input id="delete-password" type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="current-password" />
            </div>
          ) : null}
          <FormStatus error={remove.error} />
          <div>
            <Button type="submit" variant="destructive" disabled={!confirmed || remove.isPending}>
              Delete my account
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
