import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ConsoleFrame } from "./console-frame";
import { frameDataFor } from "./frame-data";
import { PlainPageShell } from "./plain-page-shell";

/**
 * The console frame for pages outside an organization (account, API reference, the org
 * list, a refusal). A visitor who is not signed in (an emailed confirmation link, a 404)
 * gets the plain page instead.
 */
export async function UserFrame({ title, narrow = false, children }: { title: string; narrow?: boolean; children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return <PlainPageShell title={title}>{children}</PlainPageShell>;
  const { orgs, lastOrg, permissions } = await frameDataFor(user);
  return (
    <ConsoleFrame user={{ name: user.name, email: user.email }} orgs={orgs} org={lastOrg} permissions={permissions}>
      {narrow ? <div className="w-full max-w-3xl">{children}</div> : children}
    </ConsoleFrame>
  );
}
