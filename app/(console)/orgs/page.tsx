import Link from "next/link";
import { redirect } from "next/navigation";
import { ConsoleFrame } from "@/components/console/console-frame";
import { frameDataFor } from "@/components/console/frame-data";
import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageUser } from "@/lib/orgs/console-access";
import { listOrgsOf } from "@/lib/orgs/orgs";

export const metadata = { title: "Organizations" };

export default async function OrgsPage({ searchParams }: { searchParams: Promise<{ open?: string | string[]; sso?: string | string[] }> }) {
  const user = await requirePageUser("orgs");
  const [orgs, frame, { open, sso }] = await Promise.all([listOrgsOf(user.userId), frameDataFor(user), searchParams]);
  // Signing in without a target (CONSOLE_HOME) lands in the organization last opened, or the only one.
  if (open === "last" && frame.lastOrg) redirect(`/orgs/${frame.lastOrg.slug}`);
  return (
    <ConsoleFrame user={{ name: user.name, email: user.email }} orgs={frame.orgs} org={frame.lastOrg} permissions={frame.permissions}>
      <div className="flex w-full max-w-3xl flex-col gap-8">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Your organizations</h1>
          <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
        </header>
        {sso === "no-membership" ? (
          <Alert data-testid="sso-no-membership">
            You signed in through your organization&apos;s identity provider, but it does not add members on their first sign-in. Ask one of its admins for an
            invitation; once you accept it, the organization appears here.
          </Alert>
        ) : null}
        {orgs.length > 0 ? (
          <ul className="flex flex-col divide-y divide-border rounded-lg border border-border bg-background" aria-label="Organizations">
            {orgs.map((org) => (
              <li key={org.id}>
                <Link href={`/orgs/${org.slug}`} prefetch={false} className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-accent">
                  <span className="min-w-0 truncate font-medium">{org.name}</span>
                  <span className="shrink-0 text-sm text-muted-foreground">{org.role}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">You are not a member of any organization yet. Create one, or accept an invitation.</p>
        )}
        <Card id="create-organization" className="scroll-mt-20">
          <CardHeader>
            <CardTitle>New organization</CardTitle>
            <CardDescription>You will be its owner.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateOrgForm />
          </CardContent>
        </Card>
      </div>
    </ConsoleFrame>
  );
}
