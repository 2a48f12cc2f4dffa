import { notFound } from "next/navigation";
import { ConnectionConsole } from "@/components/integrations/connection-console";
import { connectionForConsole } from "@/lib/integrations/console-reads";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Integration" };

type Props = { params: Promise<{ slug: string; connectionId: string }>; searchParams: Promise<{ connected?: string | string[] }> };

export default async function ConnectionPage({ params, searchParams }: Props) {
  const { slug, connectionId } = await params;
  const { connected } = await searchParams;
  const access = await requirePageAccess("orgs/[slug]/integrations/[connectionId]", { slug, connectionId });
  // Another org's connection id is simply not found.
  const connection = await connectionForConsole(access, connectionId);
  if (!connection) notFound();
  return <ConnectionConsole slug={access.org.slug} initial={connection} canManage={access.permissions.includes("integrations:manage")} connected={connected === "1"} />;
}
