// What the API shows of a notification rule.
type RuleRow = {
  id: string;
  name: string;
  source: string;
  eventTypes: string[];
  resource: string | null;
  slackConnectionId: string;
  channelId: string;
  channelName: string;
  enabled: boolean;
  createdAt: Date;
};

export function presentRule(row: RuleRow) {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    eventTypes: row.eventTypes,
    resource: row.resource,
    slackConnectionId: row.slackConnectionId,
    channelId: row.channelId,
    channelName: row.channelName,
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}
