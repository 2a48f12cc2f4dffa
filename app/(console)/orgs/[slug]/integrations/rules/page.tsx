import { RulesConsole } from "@/components/integrations/rules-console";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Notification rules" };

export default async function NotificationRulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/integrations/rules", { slug });
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Notification rules</h1>
        <p className="text-sm text-muted-foreground">Route chosen events of {access.org.name}, from providers or from Bastion, to a Slack channel.</p>
      </header>
      <RulesConsole slug={access.org.slug} canManage={access.permissions.includes("integrations:manage")} />
    </div>
  );
}
