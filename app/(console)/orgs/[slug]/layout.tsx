import type { ReactNode } from "react";
import { ConsoleFrame } from "@/components/console/console-frame";
import { DunningBanner } from "@/components/billing/dunning-banner";
import { dunningStateFor } from "@/lib/billing/dunning";
import { requireOrgAccess } from "@/lib/orgs/console-access";
import { listOrgsOf } from "@/lib/orgs/orgs";

export default async function ConsoleLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireOrgAccess(slug);
  const orgs = await listOrgsOf(access.user.id);
  // Members who see billing hear about a failed payment or a lapsed plan on every page.
  const dunning = access.permissions.includes("billing:read") ? await dunningStateFor(access.org.id) : null;
  return (
    <ConsoleFrame
      user={{ name: access.user.name, email: access.user.email }}
      orgs={orgs.map((org) => ({ slug: org.slug, name: org.name }))}
      org={{ slug: access.org.slug, name: access.org.name }}
      permissions={access.permissions}
      banner={dunning ? <DunningBanner slug={access.org.slug} state={dunning} /> : null}
    >
      {children}
    </ConsoleFrame>
  );
}
