import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSettings } from "@/components/account/account-settings";
import { getAccount } from "@/lib/account/account";
import { listAccountSessions } from "@/lib/account/sessions";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/account");
  const [account, sessions] = await Promise.all([getAccount(user.userId), listAccountSessions(user)]);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="text-sm text-muted-foreground">Your profile, sign-in methods and sessions.</p>
      </header>
      <AccountSettings initialAccount={account} initialSessions={sessions} />
    </div>
  );
}
