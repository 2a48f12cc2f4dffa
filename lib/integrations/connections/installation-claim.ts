// A GitHub App installation belongs to one Bastion org. Installation ids of the one App
// are shared by every org of this instance and are small integers, so an admin could
// name another org's installation; the first org to connect it keeps it. (Proving that
// the admin can administer the installation needs GitHub user authorization during the
// install, which the App flow here does not request.)
import "server-only";
import type { Tx } from "../../db";
import { Conflict } from "../../errors";

export async function claimInstallation(tx: Tx, orgId: string, installationId: string): Promise<void> {
  // Serializes concurrent connects of the same installation (there is no unique index to lean on).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`github-installation:${installationId}`}))`;
  const holder = await tx.integrationConnection.findFirst({ where: { provider: "github", method: "app", externalId: installationId }, select: { id: true, orgId: true } });
  if (!holder) return;
  if (holder.orgId === orgId) throw new Conflict("This GitHub App installation is already connected", { connectionId: holder.id });
  throw new Conflict("This GitHub App installation is connected to another organization");
}
