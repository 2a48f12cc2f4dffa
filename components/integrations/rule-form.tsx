"use client";

import { useState } from "react";
import { FieldError } from "@/components/auth/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldErrors } from "@/components/ui/field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ConnectionItem } from "@/lib/integrations/queries";
import { useResources, useResourcesOf, useRuleChanges, useSyncConnection } from "@/lib/integrations/query-hooks";
import { channelLabel, RULE_SOURCES, type RuleSource } from "./rule-sources";

const selectClass = "h-9 rounded-md border border-border bg-background px-2 text-sm";

/** A new rule: which events (source, event types, resource) go to which Slack channel. */
export function RuleForm({ slug, connections }: { slug: string; connections: ConnectionItem[] }) {
  const hydrated = useHydrated();
  const slackConnections = connections.filter((connection) => connection.provider === "slack" && connection.status === "active");
  const [name, setName] = useState("");
  const [sourceId, setSourceId] = useState<RuleSource>("github");
  const [events, setEvents] = useState<string[]>([]);
  const [otherEvents, setOtherEvents] = useState("");
  const [resource, setResource] = useState("");
  const [slackId, setSlackId] = useState(slackConnections[0]?.id ?? "");
  const [channelId, setChannelId] = useState("");
  const source = RULE_SOURCES.find((candidate) => candidate.id === sourceId)!;
  const sourceConnections = connections.filter((connection) => connection.provider === sourceId).map((connection) => connection.id);
  const resources = useResourcesOf(slug, source.resourceKind ? sourceConnections : [], source.resourceKind ?? "repository");
  const slackChosen = slackConnections.some((connection) => connection.id === slackId) ? slackId : (slackConnections[0]?.id ?? "");
  const [syncAsked, setSyncAsked] = useState(false);
  const channels = useResources(slug, slackChosen, "channel", { enabled: slackChosen !== "", poll: syncAsked && "until-found" });
  const sync = useSyncConnection(slug, slackChosen);
  const { create } = useRuleChanges(slug);
  const channelItems = channels.data?.items ?? [];
  const channel = channelItems.find((item) => item.externalId === channelId) ?? channelItems[0];
  // The API's refusals next to their fields (event type paths are eventTypes.<index>); an edit clears its field's.
  const [edited, setEdited] = useState<string[]>([]);
  const byField = Object.fromEntries(Object.entries(fieldErrors(create.error)).map(([path, message]) => [path.startsWith("eventTypes") ? "eventTypes" : path, message]));
  const errorOf = (field: string) => (edited.includes(field) ? undefined : byField[field]);
  const edit = (field: string) => setEdited((current) => (current.includes(field) ? current : [...current, field]));
  const rawPaths = Object.keys(fieldErrors(create.error));
  const allPlaced = rawPaths.length > 0 && rawPaths.every((path) => path === "name" || path.startsWith("eventTypes"));
  const formError = (create.error && !allPlaced ? create.error : null) ?? sync.error;
  const formMessage = formError ? formError.message : null;
  const toggle = (event: string) => setEvents((current) => (current.includes(event) ? current.filter((item) => item !== event) : [...current, event]));

  if (slackConnections.length === 0) return <p className="text-sm text-muted-foreground">Connect a Slack workspace first: rules post to one of its channels.</p>;
  return (
    <form
      aria-label="New rule"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!channel) return;
        setEdited([]);
        const eventTypes = [...new Set([...events, ...otherEvents.split(",").map((item) => item.trim()).filter(Boolean)])];
        create.mutate(
          { name: name.trim(), source: sourceId, eventTypes, resource: resource || null, slackConnectionId: slackChosen, channelId: channel.externalId, channelName: channel.name, enabled: true },
          { onSuccess: () => { setName(""); setEvents([]); setOtherEvents(""); setResource(""); } },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="rule-name">Rule name</Label>
          <Input
            id="rule-name"
            value={name}
            onChange={(event) => (setName(event.target.value), edit("name"))}
            required
            maxLength={100}
            placeholder="New pull requests to #eng"
            aria-invalid={errorOf("name") ? true : undefined}
            aria-describedby={errorOf("name") ? "rule-name-error" : undefined}
          />
          <FieldError id="rule-name-error" message={errorOf("name")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="rule-source">Source</Label>
          <select id="rule-source" className={selectClass} disabled={!hydrated} value={sourceId} onChange={(event) => { setSourceId(event.target.value as RuleSource); setEvents([]); setResource(""); }}>
            {RULE_SOURCES.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>{candidate.label}</option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Event types (none chosen: every event of the source)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {source.events.map((candidate) => (
            <label key={candidate} className="flex items-center gap-1 font-mono text-xs">
              <input type="checkbox" checked={events.includes(candidate)} disabled={!hydrated} onChange={() => toggle(candidate)} />
              {candidate}
            </label>
          ))}
        </div>
        <Input
          aria-label="Other event types"
          placeholder="Other event types, comma-separated (type or type.action)"
          value={otherEvents}
          onChange={(event) => (setOtherEvents(event.target.value), edit("eventTypes"))}
          aria-invalid={errorOf("eventTypes") ? true : undefined}
          aria-describedby={errorOf("eventTypes") ? "rule-events-error" : undefined}
        />
        <FieldError id="rule-events-error" message={errorOf("eventTypes")} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        {source.resourceKind && (
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-resource">Only for</Label>
            <select id="rule-resource" className={selectClass} disabled={!hydrated} value={resource} onChange={(event) => setResource(event.target.value)}>
              <option value="">Any {source.resourceKind}</option>
              {resources.names.map((item) => (
                <option key={item} value={item}>{item}</option>
              ))}
            </select>
          </div>
        )}
        <div className="flex flex-col gap-1">
          <Label htmlFor="rule-slack">Slack workspace</Label>
          <select id="rule-slack" className={selectClass} disabled={!hydrated} value={slackChosen} onChange={(event) => { setSlackId(event.target.value); setChannelId(""); }}>
            {slackConnections.map((connection) => (
              <option key={connection.id} value={connection.id}>{connection.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="rule-channel">Channel</Label>
          {channelItems.length > 0 ? (
            <select id="rule-channel" className={selectClass} disabled={!hydrated} value={channel?.externalId ?? ""} onChange={(event) => setChannelId(event.target.value)}>
              {channelItems.map((item) => (
                <option key={item.externalId} value={item.externalId}>{channelLabel(item.name)}</option>
              ))}
            </select>
          ) : (
            <div className="flex items-center gap-2 text-sm text-muted-foreground">
              {syncAsked ? "Syncing channels…" : "No channels synced yet."}
              <Button type="button" size="sm" variant="outline" disabled={sync.isPending || syncAsked} onClick={() => sync.mutate(undefined, { onSuccess: () => setSyncAsked(true) })}>
                Sync channels
              </Button>
            </div>
          )}
        </div>
      </div>
      {formMessage && <Alert variant="error">{formMessage}</Alert>}
      <div>
        <Button type="submit" disabled={create.isPending || !channel}>Create rule</Button>
      </div>
    </form>
  );
}
