import { Card, CardContent } from "@/components/ui/card";
import { RolesTable } from "@/components/roles/roles-table";
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
          <RolesTable />
        </CardContent>
      </Card>
    </div>
  );
}
