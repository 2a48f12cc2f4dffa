import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { API_KEY_PRESETS, API_KEY_SCOPES, PERMISSIONS, type Permission } from "@/lib/authz/permissions";
import { Suspense } from "react";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/api-keys", { slug });
  // A key can only carry permissions its creator holds and some key-accepting route checks: offer exactly those.
  const held = new Set<string>(access.permissions);
  const usable = API_KEY_SCOPES.filter((permission) => held.has(permission));
  const scopes = usable.map((permission) => ({ permission, description: PERMISSIONS[permission].description }));
  const presets = Object.entries(API_KEY_PRESETS).map(([id, preset]) => ({ id, label: preset.label, scopes: preset.scopes.filter((scope: Permission) => held.has(scope)) }));
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
          <CreateApiKeyForm slug={access.org.slug} scopes={scopes} presets={presets} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent>
          <Suspense>
            <ApiKeysTable slug={access.org.slug} />
          </Suspense>
        </CardContent>
      </Card>
    </div>
  );
}
