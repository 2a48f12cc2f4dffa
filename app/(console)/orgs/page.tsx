import Link from "next/link";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageUser } from "@/lib/orgs/console-access";
import { listOrgsOf } from "@/lib/orgs/orgs";

export const metadata = { title: "Organizations" };

export default async function OrgsPage() {
  const user = await requirePageUser("orgs");
  const orgs = await listOrgsOf(user.userId);
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-12">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Your organizations</h1>
        <Link href="/account" className="text-sm text-muted-foreground hover:text-foreground">
          {user.email}
        </Link>
      </header>
      {orgs.length > 0 ? (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border" aria-label="Organizations">
          {orgs.map((org) => (
            <li key={org.id}>
              <Link href={`/orgs/${org.slug}`} className="flex items-center justify-between px-4 py-3 hover:bg-accent">
                <span className="font-medium">{org.name}</span>
                <span className="text-sm text-muted-foreground">{org.role}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">You are not a member of any organization yet. Create one, or accept an invitation.</p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>New organization</CardTitle>
          <CardDescription>You will be its owner.</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateOrgForm />
        </CardContent>
      </Card>
    </main>
  );
}
