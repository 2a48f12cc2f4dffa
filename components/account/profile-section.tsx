"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/auth/field";
import { useToast } from "@/components/ui/toast";
import { useFieldErrors } from "@/components/ui/use-field-errors";
import { useUpdateName } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

export function ProfileSection({ account }: { account: AccountView }) {
  const update = useUpdateName();
  const [name, setName] = useState(account.name ?? "");
  const toast = useToast();
  const { errors, clear } = useFieldErrors(update.error);
  return (
    <Card aria-labelledby="profile-title">
      <CardHeader>
        <CardTitle id="profile-title">Profile</CardTitle>
        <CardDescription>Your name as the members of your organizations see it.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex max-w-md flex-col gap-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(name, { onSuccess: () => toast({ title: "Your name was saved", variant: "success" }) });
          }}
        >
          <Field
            id="account-name"
            label="Name"
            value={name}
            error={errors.name}
            onChange={(event) => {
              clear("name");
              setName(event.target.value);
            }}
            required
            maxLength={100}
            autoComplete="name"
          />
          <FormStatus error={update.error} fields={["name"]} />
          <div>
            <Button type="submit" disabled={update.isPending}>
              Save name
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
