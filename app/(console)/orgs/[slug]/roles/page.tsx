import { Card, CardContent } from "@/components/ui/card";
import { ALL_PERMISSIONS, PERMISSIONS, ROLES } from "@/lib/authz/permissions";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Roles" };

/** The permission table, rendered from the same data the API enforces. */
export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageAccess("orgs/[slug]/roles", { slug });
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Roles</h1>
        <p className="text-sm text-muted-foreground">What each role may do. Only owners change owners; the last owner cannot leave.</p>
      </header>
      <Card>
        <CardContent className="pt-6">
          <table className="w-full text-sm">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="py-2 font-medium">Permission</th>
                {ROLES.map((role) => (
                  <th key={role} className="py-2 text-center font-medium capitalize">
                    {role}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {ALL_PERMISSIONS.map((permission) => (
                <tr key={permission}>
                  <td className="py-2">
                    <code>{permission}</code>
                    <div className="text-muted-foreground">{PERMISSIONS[permission].description}</div>
                  </td>
                  {ROLES.map((role) => {
                    const held = (PERMISSIONS[permission].roles as readonly string[]).includes(role);
                    return (
                      <td key={role} className="py-2 text-center" aria-label={`${role} ${held ? "may" : "may not"} ${permission}`}>
                        {held ? "✓" : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </div>
  );
}
