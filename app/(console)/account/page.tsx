import type { Metadata } from "next";
import { AccountSettings } from "@/components/account/account-settings";
import { getAccount } from "@/lib/account/account";
import { listAccountSessions } from "@/lib/account/sessions";
import { mfaStatus } from "@/lib/auth/mfa/factors";
import { requirePageUser } from "@/lib/orgs/console-access";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("account");
  const [account, sessions, mfa] = await Promise.all([getAccount(user.userId), listAccountSessions(user), mfaStatus(user.userId)]);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="text-sm text-muted-foreground">Your profile, sign-in methods and sessions.</p>
      </header>
      <AccountSettings initialAccount={account} initialSessions={sessions} initialMfa={mfa} />
    </div>
  );
}
