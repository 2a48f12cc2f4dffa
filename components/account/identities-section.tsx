import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectedIdentity } from "@/lib/account/types";

export function IdentitiesSection({ identities }: { identities: ConnectedIdentity[] }) {
  return (
    <Card aria-labelledby="identities-title">
      <CardHeader>
        <CardTitle id="identities-title">Single sign-on identities</CardTitle>
        <CardDescription>Identity providers you have signed in with.</CardDescription>
      </CardHeader>
      <CardContent>
        {identities.length === 0 ? (
          <p className="text-sm text-muted-foreground">No single sign-on identity is connected to your account.</p>
        ) : (
          <ul className="divide-y divide-border rounded-md border border-border text-sm">
            {identities.map((identity) => (
              <li key={`${identity.provider}:${identity.providerAccountId}`} className="flex justify-between gap-4 px-4 py-2">
                <span className="font-medium">{identity.provider}</span>
                <span className="truncate text-muted-foreground">{identity.providerAccountId}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
