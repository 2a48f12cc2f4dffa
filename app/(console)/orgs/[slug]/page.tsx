import Link from "next/link";
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
import { UsageChart } from "@/components/usage/usage-chart";
import { getDb } from "@/lib/db";
import { requirePageAccess } from "@/lib/orgs/console-access";
import { usageByDay } from "@/lib/usage/usage";

export const metadata = { title: "Organization" };

export default async function OrgPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]", { slug });
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: access.org.id }, select: { name: true, slug: true, auditRetentionDays: true } });
  const can = (permission: string) => access.permissions.includes(permission as never);
  const usage = await usageByDay(access.org.id, 30);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Org</h1>
        <p className="text-sm text-muted-foreground">
          Settings of {org.name}. You are {/^[aeiou]/.test(access.role) ? "an" : "a"} {access.role} here (<Link className="underline" href={`/orgs/${org.slug}/roles`}>what each role may do</Link>).
        </p>
      </header>
      <Card>
        <CardHeader>
          <CardTitle>General</CardTitle>
        </CardHeader>
        <CardContent>
          <OrgSettingsForm org={org} canUpdate={can("org:update")} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>API usage</CardTitle>
          <CardDescription>Requests made with this organization&apos;s API keys, per day (UTC).</CardDescription>
        </CardHeader>
        <CardContent>
          <UsageChart days={usage.days} total={usage.total} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Domains</CardTitle>
          <CardDescription>Email domains your organization owns, proven by a DNS record.</CardDescription>
        </CardHeader>
        <CardContent>
          <DomainsPanel slug={org.slug} canUpdate={can("org:update")} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Two-factor authentication</CardTitle>
          <CardDescription>Require members to sign in with a second factor.</CardDescription>
        </CardHeader>
        <CardContent>
          <MfaPolicyPanel slug={org.slug} canUpdate={can("org:update")} />
        </CardContent>
      </Card>
      {can("sso:manage") && (
        <Card>
          <CardHeader>
            <CardTitle>Single sign-on</CardTitle>
            <CardDescription>Let members sign in through your own OpenID Connect identity provider.</CardDescription>
          </CardHeader>
          <CardContent>
            <SsoPanel slug={org.slug} />
          </CardContent>
        </Card>
      )}
      {can("sso:manage") && (
        <Card>
          <CardHeader>
            <CardTitle>SAML single sign-on</CardTitle>
            <CardDescription>Let members sign in through your SAML 2.0 identity provider.</CardDescription>
          </CardHeader>
          <CardContent>
            <SamlPanel slug={org.slug} />
          </CardContent>
        </Card>
      )}
      {can("sso:manage") && (
        <Card>
          <CardHeader>
            <CardTitle>Just-in-time membership</CardTitle>
            <CardDescription>What signing in through your identity provider (OIDC or SAML) does to membership.</CardDescription>
          </CardHeader>
          <CardContent>
            <SsoJitPanel slug={org.slug} />
          </CardContent>
        </Card>
      )}
      {can("sso:manage") && (
        <>
          <Card>
            <CardHeader>
              <CardTitle>SCIM provisioning</CardTitle>
              <CardDescription>Let your identity provider create, update and deprovision members and push groups (SCIM 2.0).</CardDescription>
            </CardHeader>
            <CardContent>
              <ScimPanel slug={org.slug} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Trusted token issuers</CardTitle>
              <CardDescription>Accept machine-to-machine JWTs from your identity provider on the API, like API keys.</CardDescription>
            </CardHeader>
            <CardContent>
              <TrustedIssuersPanel slug={org.slug} />
            </CardContent>
          </Card>
        </>
      )}
      {/* Set apart at the bottom: every action in it is hard to undo. */}
      <Card className="border-destructive/40">
        <CardHeader>
          <CardTitle className="text-destructive">Danger zone</CardTitle>
          <CardDescription>Ownership, leaving and deletion. These are hard to undo.</CardDescription>
        </CardHeader>
        <CardContent>
          <DangerZone slug={org.slug} userId={access.user.id} isOwner={access.role === "owner"} />
        </CardContent>
      </Card>
    </div>
  );
}
