// Which rules an event satisfies: source, "type.action" or "type", and resource by any of its names.
import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "../types";
import { ruleMatches } from "./match";

const event: NormalizedEvent = {
  source: "jira",
  type: "issue",
  action: "created",
  actor: "Mia",
  resource: "Test Project",
  url: null,
  summary: "Mia created TEST-4",
  occurredAt: new Date(),
  actorId: "a1",
  resourceIds: ["TEST", "10000"],
};
const rule = (overrides: Partial<{ source: string; eventTypes: string[]; resource: string | null }>) => ({ source: "jira", eventTypes: [], resource: null, ...overrides });

describe("rule matching", () => {
  it("takes every event of its source when it names no event types", () => {
    expect(ruleMatches(rule({}), event)).toBe(true);
    expect(ruleMatches(rule({ source: "github" }), event)).toBe(false);
  });

  it("matches an event type with its action, or the type for every action", () => {
    expect(ruleMatches(rule({ eventTypes: ["issue.created"] }), event)).toBe(true);
    expect(ruleMatches(rule({ eventTypes: ["issue"] }), event)).toBe(true);
    expect(ruleMatches(rule({ eventTypes: ["comment.created", "issue.updated"] }), event)).toBe(false);
    expect(ruleMatches(rule({ eventTypes: ["issue.created.extra"] }), event)).toBe(false);
    expect(ruleMatches(rule({ eventTypes: ["push"] }), { ...event, type: "push", action: null })).toBe(true);
    expect(ruleMatches(rule({ eventTypes: ["push.null"] }), { ...event, type: "push", action: null })).toBe(false);
  });

  it("matches the resource by name or by any other id, ignoring case", () => {
    expect(ruleMatches(rule({ resource: "test project" }), event)).toBe(true);
    expect(ruleMatches(rule({ resource: "TEST" }), event)).toBe(true);
    expect(ruleMatches(rule({ resource: "10000" }), event)).toBe(true);
    expect(ruleMatches(rule({ resource: "OTHER" }), event)).toBe(false);
    expect(ruleMatches(rule({ resource: "TEST" }), { ...event, resource: null, resourceIds: [] })).toBe(false);
  });
});
