"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/auth/field";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useRequestEmailChange } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

export function EmailSection({ account }: { account: AccountView }) {
  const request = useRequestEmailChange();
  const [email, setEmail] = useState("");
  const { errors, clear } = useFieldErrors(request.error);
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
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate(email, { onSuccess: () => setEmail("") });
          }}
        >
          <Field
            id="new-email"
            label="New email address"
            type="email"
            value={email}
            error={errors.email}
            onChange={(event) => {
              clear("email");
              setEmail(event.target.value);
            }}
            required
            autoComplete="email"
          />
          <FormStatus error={request.error} success={sent} fields={["email"]} />
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
