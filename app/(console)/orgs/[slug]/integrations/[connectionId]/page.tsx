import { notFound } from "next/navigation";
import { ConnectionConsole } from "@/components/integrations/connection-console";
import { connectionForConsole } from "@/lib/integrations/console-reads";
import { requireOrgAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Integration" };

type Props = { params: Promise<{ slug: string; connectionId: string }>; searchParams: Promise<{ connected?: string | string[] }> };

export default async function ConnectionPage({ params, searchParams }: Props) {
  const { slug, connectionId } = await params;
  const { connected } = await searchParams;
  const access = await requireOrgAccess(slug, `/integrations/${encodeURIComponent(connectionId)}`);
  if (!access.permissions.includes("integrations:read")) notFound();
  // Another org's connection id is simply not found.
  const connection = await connectionForConsole(access, connectionId);
  if (!connection) notFound();
  return <ConnectionConsole slug={access.org.slug} initial={connection} canManage={access.permissions.includes("integrations:manage")} connected={connected === "1"} />;
}
