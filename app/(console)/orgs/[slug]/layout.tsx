import type { ReactNode } from "react";
import { ConsoleFrame } from "@/components/console/console-frame";
import { DunningBanner } from "@/components/billing/dunning-banner";
import { MfaGraceBanner } from "@/components/orgs/mfa-grace-banner";
import { MfaRequiredProvider } from "@/components/orgs/mfa-required-context";
import { dunningStateFor } from "@/lib/billing/dunning";
import { orgLayoutAccess } from "@/lib/orgs/console-access";
import { listOrgsOf } from "@/lib/orgs/orgs";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const layout = await orgLayoutAccess(slug);
  if (layout.kind === "mfa-required") {
    // The org requires two-factor authentication this member lacks: the frame stays; every
    // page answers 403 (forbidden()) and the org's forbidden boundary says why.
    const orgs = await listOrgsOf(layout.user.userId);
    return (
      <ConsoleFrame
        user={{ name: layout.user.name, email: layout.user.email }}
        orgs={orgs.map((org) => ({ slug: org.slug, name: org.name }))}
        org={{ slug: layout.org.slug, name: layout.org.name }}
        permissions={[]}
      >
        <MfaRequiredProvider orgName={layout.org.name}>{children}</MfaRequiredProvider>
      </ConsoleFrame>
    );
  }
  const { access } = layout;
  const orgs = await listOrgsOf(access.user.id);
  // Members who see billing hear about a failed payment or a lapsed plan on every page.
  const dunning = access.permissions.includes("billing:read") ? await dunningStateFor(access.org.id) : null;
  return (
    <ConsoleFrame
      user={{ name: access.user.name, email: access.user.email }}
      orgs={orgs.map((org) => ({ slug: org.slug, name: org.name }))}
      org={{ slug: access.org.slug, name: access.org.name }}
      permissions={access.permissions}
      banner={
        <>
          {access.mfaGraceEndsAt ? <MfaGraceBanner orgName={access.org.name} endsAt={access.mfaGraceEndsAt} /> : null}
          {dunning ? <DunningBanner slug={access.org.slug} state={dunning} /> : null}
        </>
      }
    >
      {children}
    </ConsoleFrame>
  );
}
