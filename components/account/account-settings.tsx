"use client";

import { useAccount } from "@/lib/account/queries";
import type { AccountView, MfaStatusView, SessionView } from "@/lib/account/types";
import { DangerZoneSection } from "./danger-zone-section";
import { EmailSection } from "./email-section";
import { IdentitiesSection } from "./identities-section";
import { PasswordSection } from "./password-section";
import { ProfileSection } from "./profile-section";
import { SessionsSection } from "./sessions-section";
import { TelemetrySection } from "./telemetry-section";
import { TwoFactorSection } from "./two-factor-section";

/** The account page's sections; the server renders the first view from `initial…`. */
export function AccountSettings({ initialAccount, initialSessions, initialMfa }: { initialAccount: AccountView; initialSessions: SessionView[]; initialMfa: MfaStatusView }) {
  const { data: account = initialAccount } = useAccount(initialAccount);
  return (
    <div className="flex flex-col gap-6">
      <ProfileSection account={account} />
      <EmailSection account={account} />
      <PasswordSection account={account} />
      <TwoFactorSection account={account} initialStatus={initialMfa} />
      <IdentitiesSection identities={account.identities} />
      <SessionsSection initialSessions={initialSessions} />
      <TelemetrySection account={account} />
      <DangerZoneSection account={account} />
    </div>
  );
}
