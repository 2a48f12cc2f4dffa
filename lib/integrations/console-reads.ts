// What the integrations console pages (server components) read for their first view,
// through the same domain functions as the API and within the page's org.
import "server-only";
import { randomUUID } from "node:crypto";
import type { OrgContext } from "../context";
import { getDb } from "../db";
import { NotFound } from "../errors";
import type { ConsoleAccess } from "../orgs/console-access";
import { oauthAvailability } from "./connections/oauth-start";
import { presentConnection } from "./connections/present";
import { getConnectionOrThrow, listConnections } from "./connections/queries";
import type { ConnectionItem, ConnectionsList } from "./queries";

function consoleOrgContext(access: ConsoleAccess): OrgContext {
  return { actor: { userId: access.user.id, type: "user" }, requestId: randomUUID(), ip: null, userAgent: null, org: { id: access.org.id, slug: access.org.slug }, role: access.role };
}

/** Dates become ISO strings, as the API sends them. */
const asJson = <T,>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

export async function connectionsForConsole(access: ConsoleAccess): Promise<ConnectionsList> {
  return asJson({ items: await listConnections(consoleOrgContext(access)), oauth: oauthAvailability() });
}

/** The connection if it belongs to the page's org; null otherwise (the page answers 404). */
export async function connectionForConsole(access: ConsoleAccess, connectionId: string): Promise<ConnectionItem | null> {
  const row = await getConnectionOrThrow(getDb(), consoleOrgContext(access), connectionId).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  return row ? asJson(presentConnection(row)) : null;
}
