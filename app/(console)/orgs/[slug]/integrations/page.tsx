import { IntegrationsConsole } from "@/components/integrations/integrations-console";
import { Card, CardContent } from "@/components/ui/card";
import { connectionsForConsole } from "@/lib/integrations/console-reads";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string | string[] }> }) {
  const { slug } = await params;
  const { error } = await searchParams;
  const access = await requirePageAccess("orgs/[slug]/integrations", { slug });
  // The first view is rendered here; the console keeps it fresh.
  const initial = await connectionsForConsole(access);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Integrations</h1>
        <p className="text-sm text-muted-foreground">
          GitHub, GitLab, Jira, Linear and Slack connections of {access.org.name}: their webhooks, health and delivery logs.
        </p>
      </header>
      <Card>
        <CardContent className="pt-6">
          <IntegrationsConsole
            slug={access.org.slug}
            canManage={access.permissions.includes("integrations:manage")}
            initial={initial}
            oauthError={typeof error === "string" ? error : undefined}
          />
        </CardContent>
      </Card>
    </div>
  );
}
