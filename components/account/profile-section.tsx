"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useUpdateName } from "@/lib/account/queries";
import type { AccountView } from "@/lib/account/types";
import { FormStatus } from "./form-status";

export function ProfileSection({ account }: { account: AccountView }) {
  const update = useUpdateName();
  const [name, setName] = useState(account.name ?? "");
  return (
    <Card aria-labelledby="profile-title">
      <CardHeader>
        <CardTitle id="profile-title">Profile</CardTitle>
        <CardDescription>Your name as the members of your organizations see it.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex max-w-md flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(name);
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor="account-name">Name</Label>
            <Input id="account-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} autoComplete="name" />
          </div>
          <FormStatus error={update.error} success={update.isSuccess ? "Your name was saved." : null} />
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
