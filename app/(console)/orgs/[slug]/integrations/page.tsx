import { IntegrationsConsole } from "@/components/integrations/integrations-console";
import { dialogFromQuery } from "@/components/integrations/providers";
import { connectionsForConsole } from "@/lib/integrations/console-reads";
import { providerSetup } from "@/lib/integrations/setup";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Integrations" };

type Query = { error?: string | string[]; connect?: string | string[]; setup?: string | string[] };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function IntegrationsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Query> }) {
  const { slug } = await params;
  const query = await searchParams;
  const access = await requirePageAccess("orgs/[slug]/integrations", { slug });
  // The first view is rendered here; the console keeps it fresh.
  const initial = await connectionsForConsole(access);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Integrations</h1>
        <p className="text-sm text-muted-foreground">Connect {access.org.name} to the tools it works in: their events arrive as webhooks, feed the activity and trigger notification rules.</p>
      </header>
      <IntegrationsConsole
        slug={access.org.slug}
        canManage={access.permissions.includes("integrations:manage")}
        initial={initial}
        setup={providerSetup()}
        opened={dialogFromQuery({ connect: one(query.connect), setup: one(query.setup) })}
        oauthError={one(query.error)}
      />
    </div>
  );
}
