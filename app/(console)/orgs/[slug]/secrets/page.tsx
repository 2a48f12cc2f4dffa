import { SecretsConsole } from "@/components/secrets/secrets-console";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Secrets" };

export default async function SecretsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/secrets", { slug });
  const can = (permission: string) => access.permissions.includes(permission as never);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Secrets</h1>
        <p className="text-sm text-muted-foreground">
          Encrypted, versioned configuration for {access.org.name}. Values are shown only on reveal, for 30 seconds, and every reveal is audited.
        </p>
      </header>
      <Card>
        <CardContent className="pt-6">
          <SecretsConsole slug={access.org.slug} canWrite={can("secrets:write")} canReveal={can("secrets:reveal")} canRotate={can("org:update")} />
        </CardContent>
      </Card>
    </div>
  );
}
