import { Building2, KeyRound, Plug, ShieldCheck, Users, CreditCard } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";

const features = [
  { icon: Building2, title: "Organizations", text: "Tenants with settings, quotas and a complete audit log." },
  { icon: Users, title: "Members & RBAC", text: "Roles as data, invitations, ownership transfer and SSO." },
  { icon: KeyRound, title: "Secrets", text: "Envelope encryption, versions, audited reveal and key rotation." },
  { icon: Plug, title: "Integrations", text: "GitHub, GitLab, Jira, Linear and Slack with verified webhooks." },
  { icon: CreditCard, title: "Billing", text: "Stripe plans, checkout and portal, seats, usage metering and plan quotas." },
  { icon: ShieldCheck, title: "API", text: "API keys, rate limits, OpenAPI, health and metrics." },
];

export default async function LandingPage() {
  const session = await getCurrentUser();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-12 px-6 py-20">
      <header className="flex items-center justify-end gap-3 text-sm" aria-label="Account">
        {session ? (
          <>
            <span className="text-muted-foreground">Signed in as {session.email}</span>
            <SignOutButton />
          </>
        ) : (
          <Link href="/sign-in" className="underline underline-offset-4">
            Sign in
          </Link>
        )}
      </header>
      <section className="flex flex-col items-start gap-4">
        <p className="text-sm font-medium text-muted-foreground">Self-hosted · open · one command to run</p>
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">The enterprise layer for your SaaS</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Bastion gives your product organizations, roles, secrets, integrations and an API, on your own
          infrastructure.
        </p>
        <div className="flex gap-3">
          <Button asChild>
            <Link href="/orgs">Open the console</Link>
          </Button>
          <Button asChild variant="outline">
            <a href="/api/health/ready">Service status</a>
          </Button>
        </div>
      </section>
      <section aria-label="Features" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {features.map(({ icon: Icon, title, text }) => (
          <Card key={title}>
            <CardHeader>
              <Icon className="size-5 text-muted-foreground" aria-hidden />
              <CardTitle>{title}</CardTitle>
              <CardDescription>{text}</CardDescription>
            </CardHeader>
          </Card>
        ))}
      </section>
    </main>
  );
}
