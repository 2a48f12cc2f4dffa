import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailChange } from "@/components/account/confirm-email-change";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { pageUserIfAny } from "@/lib/orgs/console-access";

export const metadata: Metadata = { title: "Confirm your new email address" };

export default async function ConfirmEmailPage() {
  const user = await pageUserIfAny("account/confirm-email");
  return (
    <Card className="mx-auto max-w-md">
      <CardHeader>
        <h1 className="text-lg font-semibold leading-none tracking-tight">Confirm your new email address</h1>
      </CardHeader>
      <CardContent>
        {user ? (
          <ConfirmEmailChange />
        ) : (
          // The change belongs to a signed-in user; the link is not forwarded to the sign-in page (tokens stay out of other URLs).
          <p className="text-sm text-muted-foreground">
            <Link href="/sign-in?next=/account" className="font-medium text-foreground underline underline-offset-4">
              Sign in
            </Link>{" "}
            in this browser, then open the link from your email again.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
