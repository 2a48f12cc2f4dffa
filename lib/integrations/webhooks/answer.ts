// What a webhook route answers for each ingestion outcome; the same on the per-connection
// and the app-level URLs, so a provider sees one behaviour whichever URL it was given.
import "server-only";
import type { IngestOutcome } from "./ingest";

export function webhookAnswer(outcome: IngestOutcome): Response {
  if (outcome.kind === "reply") return outcome.response;
  // Slack's interactivity and slash commands: a body would be shown to the user.
  if (outcome.ack === "empty") return new Response(null, { status: 200 });
  if (outcome.kind === "duplicate") return Response.json({ received: true, duplicate: true }, { status: 200 });
  if (outcome.kind === "ignored") return Response.json({ received: true }, { status: outcome.status });
  return Response.json({ received: true }, { status: 202 });
}
