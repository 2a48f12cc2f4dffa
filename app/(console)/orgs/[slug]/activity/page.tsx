import { ActivityFeed } from "@/components/activity/activity-feed";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/activity", { slug });
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="text-sm text-muted-foreground">Events from the tools connected to {access.org.name} and from Bastion itself, newest first.</p>
      </header>
      <Card>
        <CardContent className="pt-6">
          <ActivityFeed slug={access.org.slug} />
        </CardContent>
      </Card>
    </div>
  );
}
