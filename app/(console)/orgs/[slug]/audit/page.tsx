import { AuditChainBadge } from "@/components/audit/chain-badge";
import { AuditLog } from "@/components/audit/audit-log";
import { Suspense } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/orgs/console-access";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess("orgs/[slug]/audit", { slug });
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground">Every change made in {access.org.name}, newest first.</p>
        <div className="mt-3">
          <AuditChainBadge slug={access.org.slug} />
        </div>
      </header>
      <Card>
        <CardContent className="pt-6">
          {/* The filters live in the URL (useSearchParams). */}
          <Suspense>
            <AuditLog slug={access.org.slug} />
          </Suspense>
        </CardContent>
      </Card>
    </div>
  );
}
