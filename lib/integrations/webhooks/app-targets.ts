// The connections an app-level delivery is for: those of the app's provider (and connect
// method) whose externalId is the delivery's installation or workspace. The org comes
// from the row found, as on the per-connection URL, where the id is the whole address. A
// GitHub App installation belongs to one org (installation-claim.ts); a Slack workspace
// may be connected by several orgs, and then each of them receives its requests.
import "server-only";
import { getDb } from "../../db";
import type { AppWebhook } from "../types";
import type { WebhookTarget } from "./target";

/** Bounds the fan-out of one delivery (one workspace connected by many orgs). */
const MAX_TARGETS = 20;

export type AppTarget = WebhookTarget & { status: "active" | "disabled" };

export async function findAppTargets(app: AppWebhook, externalId: string): Promise<AppTarget[]> {
  return getDb().integrationConnection.findMany({
    where: { provider: app.provider, externalId, ...(app.method ? { method: app.method } : {}) },
    select: { id: true, orgId: true, provider: true, status: true },
    orderBy: { createdAt: "asc" },
    take: MAX_TARGETS,
  });
}
