import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { consoleNav } from "./nav-items";

/** A console section's heading with its empty state, until the section has content. */
export function SectionPage({ segment }: { segment: string }) {
  const item = consoleNav.find((candidate) => candidate.segment === segment);
  if (!item) throw new Error(`unknown console section "${segment}"`);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{item.label}</h1>
        <p className="text-sm text-muted-foreground">{item.description}</p>
      </header>
      <Card>
        <CardHeader>
          <CardTitle>Nothing here yet</CardTitle>
          <CardDescription>This section has no data for this organization yet.</CardDescription>
        </CardHeader>
        <CardContent />
      </Card>
    </div>
  );
}
