// Shown on every page of an org that requires two-factor authentication to a member who
// has not set it up yet, until the grace period ends (then lib/orgs/mfa-policy.ts refuses them).
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

const day = (date: Date) => date.toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

export function MfaGraceBanner({ orgName, endsAt }: { orgName: string; endsAt: Date }) {
  return (
    <Alert className="mb-6" data-testid="mfa-grace-banner">
      {orgName} requires two-factor authentication. Set it up before {day(endsAt)} (UTC) to keep access to this organization.{" "}
      <Link href="/account#two-factor" className="font-medium underline">
        Set up two-factor authentication
      </Link>
    </Alert>
  );
}
