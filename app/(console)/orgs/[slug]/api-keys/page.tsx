import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PERMISSIONS } from "@/lib/authz/permissions";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/api-keys", { slug });
  // A key can only carry permissions its creator holds: offer exactly those.
  const scopes = access.permissions.map((permission) => ({ permission, description: PERMISSIONS[permission].description }));
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
        <p className="text-sm text-muted-foreground">
          Keys let programs call the API as {access.org.name}: send <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </header>
      <Card>
        <CardHeader>
          <CardTitle>New API key</CardTitle>
          <CardDescription>A key acts with its scopes, narrowed to your role at the time it is used.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateApiKeyForm slug={access.org.slug} scopes={scopes} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent>
          <ApiKeysTable slug={access.org.slug} />
        </CardContent>
      </Card>
    </div>
  );
}
