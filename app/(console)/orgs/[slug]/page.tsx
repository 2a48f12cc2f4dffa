import Link from "next/link";
import type { ReactNode } from "react";
import { DangerZone } from "@/components/orgs/danger-zone";
import { DomainsPanel } from "@/components/orgs/domains-panel";
import { MfaPolicyPanel } from "@/components/orgs/mfa-policy-panel";
import { OrgSettingsForm } from "@/components/orgs/org-settings-form";
import { SamlPanel } from "@/components/orgs/saml-panel";
import { SsoJitPanel } from "@/components/orgs/sso-jit-panel";
import { ScimPanel } from "@/components/orgs/scim-panel";
import { SsoPanel } from "@/components/orgs/sso-panel";
import { TrustedIssuersPanel } from "@/components/orgs/trusted-issuers-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, type Tab } from "@/components/ui/tabs";
import { UsageChart } from "@/components/usage/usage-chart";
import { getDb } from "@/lib/db";
import { requirePageAccess } from "@/lib/orgs/console-access";
import { usageByDay } from "@/lib/usage/usage";

export const metadata = { title: "Organization" };

function Section({ title, description, danger, children }: { title: string; description?: string; danger?: boolean; children: ReactNode }) {
  return (
    <Card className={danger ? "mt-6 border-destructive/40" : undefined}>
      <CardHeader>
        <CardTitle className={danger ? "text-destructive" : undefined}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

// One tab per concern, as GitHub's org settings and Vercel's team settings do: the page
// was one long scroll of nine cards. `?tab=sso` opens a tab directly. An org "require
// MFA" policy is the "security" tab, which every member may read.
export default async function OrgPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]", { slug });
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: access.org.id }, select: { name: true, slug: true, auditRetentionDays: true } });
  const can = (permission: string) => access.permissions.includes(permission as never);
  const usage = await usageByDay(access.org.id, 30);

  const tabs: Tab[] = [
    {
      id: "general",
      label: "General",
      content: (
        <>
          <Section title="General" description="The name members see and the URL name in every console link.">
            <OrgSettingsForm org={org} canUpdate={can("org:update")} />
          </Section>
          <Section title="API usage" description="Requests made with this organization's API keys, per day (UTC).">
            <UsageChart days={usage.days} total={usage.total} />
          </Section>
          {/* Set apart at the bottom: every action in it is hard to undo. */}
          <Section title="Danger zone" description="Ownership, leaving and deletion. These are hard to undo." danger>
            <DangerZone slug={org.slug} userId={access.user.id} isOwner={access.role === "owner"} />
          </Section>
        </>
      ),
    },
    {
      id: "domains",
      label: "Domains",
      content: (
        <Section title="Domains" description="Email domains your organization owns, proven by a DNS record.">
          <DomainsPanel slug={org.slug} canUpdate={can("org:update")} />
        </Section>
      ),
    },
    {
      id: "security",
      label: "Security",
      content: (
        <Section title="Two-factor authentication" description="Require members to sign in with a second factor.">
          <MfaPolicyPanel slug={org.slug} canUpdate={can("org:update")} />
        </Section>
      ),
    },
  ];
  if (can("sso:manage")) {
    tabs.push(
      {
        id: "sso",
        label: "Single sign-on",
        content: (
          <>
            <Section title="OpenID Connect" description="Let members sign in through your own OpenID Connect identity provider.">
              <SsoPanel slug={org.slug} />
            </Section>
            <Section title="SAML" description="Let members sign in through your SAML 2.0 identity provider.">
              <SamlPanel slug={org.slug} />
            </Section>
            <Section title="Just-in-time membership" description="What signing in through your identity provider (OIDC or SAML) does to membership.">
              <SsoJitPanel slug={org.slug} />
            </Section>
          </>
        ),
      },
      {
        id: "provisioning",
        label: "Provisioning",
        content: (
          <Section title="SCIM provisioning" description="Let your identity provider create, update and deprovision members and push groups (SCIM 2.0).">
            <ScimPanel slug={org.slug} />
          </Section>
        ),
      },
      {
        id: "api-access",
        label: "API access",
        content: (
          <Section title="Trusted token issuers" description="Accept machine-to-machine JWTs from your identity provider on the API, like API keys.">
            <TrustedIssuersPanel slug={org.slug} />
          </Section>
        ),
      },
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-muted-foreground">
          Settings of {org.name}. You are {/^[aeiou]/.test(access.role) ? "an" : "a"} {access.role} here (<Link className="underline underline-offset-4" href={`/orgs/${org.slug}/roles`} prefetch={false}>what each role may do</Link>).
        </p>
      </header>
      <Tabs label="Organization settings" tabs={tabs} />
    </div>
  );
}
