// Which Linear workspace and user a credential acts as: the organization (name, id,
// URL key for links) and the viewer. An OAuth app installed with actor=app acts as an
// app user (viewer.app), whose id the loop guard ignores; a person's key has none.
// No "server-only" marker: the worker (plain Node) loads the provider clients.
import { linearSdk, type LinearAuth } from "./sdk";

export async function linearIdentity(auth: LinearAuth): Promise<{ name: string; externalId: string; config: Record<string, unknown> }> {
  const sdk = linearSdk(auth);
  const [viewer, organization] = await Promise.all([sdk.viewer, sdk.organization]);
  const config: Record<string, unknown> = { organizationUrlKey: organization.urlKey, accountId: viewer.id };
  if (viewer.app) config.botUserId = viewer.id;
  return { name: organization.name, externalId: organization.id, config };
}
