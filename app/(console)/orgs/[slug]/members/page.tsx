import { InvitationsPanel } from "@/components/members/invitations-panel";
import { mailIsSent } from "@/lib/mail/send";
import { MembersTable } from "@/components/members/members-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listMembers } from "@/lib/members/list";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Members" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/members", { slug });
  // The first page, for the search in the URL (?q=), is rendered on the server; the table
  // takes over from there. The API's limit on a search's length applies here too.
  const { q } = await searchParams;
  const firstPageQuery = typeof q === "string" ? q.trim().slice(0, 100) : "";
  const firstPage = await listMembers(access.org.id, { limit: 50, query: firstPageQuery || undefined });
  const can = (permission: string) => access.permissions.includes(permission as never);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
        <p className="text-sm text-muted-foreground">People in {access.org.name}, their roles and invitations.</p>
      </header>
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
        </CardHeader>
        <CardContent>
          <MembersTable
            slug={access.org.slug}
            currentUserId={access.user.id}
            currentRole={access.role}
            canUpdate={can("members:update")}
            canRemove={can("members:remove")}
            firstPage={JSON.parse(JSON.stringify(firstPage))}
            firstPageQuery={firstPageQuery}
          />
        </CardContent>
      </Card>
      {can("members:invite") && (
        <Card>
          <CardHeader>
            <CardTitle>Invitations</CardTitle>
            <CardDescription>Invite by email, or share a link that people with an address on your domains can use.</CardDescription>
          </CardHeader>
          <CardContent>
            <InvitationsPanel slug={access.org.slug} currentRole={access.role} mailInLog={!mailIsSent()} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
