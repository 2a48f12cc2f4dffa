import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { consoleNav } from "./nav-items";

type EmptyState = { title: string; text: string };
const NOTHING_YET: EmptyState = { title: "Nothing here yet", text: "This section has no data for this organization yet." };

/** A console section's heading with its empty state, until the section has content. */
export function SectionPage({ segment, empty = NOTHING_YET }: { segment: string; empty?: EmptyState }) {
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
          <CardTitle>{empty.title}</CardTitle>
          <CardDescription>{empty.text}</CardDescription>
        </CardHeader>
        <CardContent />
      </Card>
    </div>
  );
}
