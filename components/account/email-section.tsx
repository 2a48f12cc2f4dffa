"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useRequestEmailChange } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

export function EmailSection({ account }: { account: AccountView }) {
  const request = useRequestEmailChange();
  const [email, setEmail] = useState("");
  const sent = request.data
    ? `We sent a confirmation link to ${request.data.sentTo}. Your email address changes when you open it; we also told ${account.email}.`
    : null;
  return (
    <Card aria-labelledby="email-title">
      <CardHeader>
        <CardTitle id="email-title">Email address</CardTitle>
        <CardDescription>
          You sign in with <span className="font-medium text-foreground" data-testid="current-email">{account.email}</span>
          {account.emailVerified ? " (verified)." : " (not verified yet)."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex max-w-md flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate(email, { onSuccess: () => setEmail("") });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="new-email">New email address</Label>
            <Input id="new-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="email" />
          </div>
          <FormStatus error={request.error} success={sent} />
          <div>
            <Button type="submit" disabled={request.isPending}>
              Send confirmation link
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
