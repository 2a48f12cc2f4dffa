// Linear events from Linear's documented example (the webhook fixture comment-create.json)
// and payloads of the same documented shape for issues (fixtures/normalize-*.json).
import { describe, expect, it } from "vitest";
import commentCreate from "./fixtures/comment-create.json";
import issueAssigned from "./fixtures/normalize-issue-assigned.json";
import issueCreate from "./fixtures/normalize-issue-create.json";
import { normalize } from "./normalize";

const run = (payload: { type: string }) => normalize({ eventType: payload.type, action: null, payload });

describe("Linear normalizer", () => {
  it("turns Issue create into issue.created in its team", () => {
    expect(run(issueCreate)).toEqual({
      source: "linear",
      type: "issue",
      action: "created",
      actor: "Jane Cooper",
      resource: "Engineering",
      url: "https://linear.app/acme/issue/ENG-123/webhook-retries-are-not-backing-off",
      summary: "Jane Cooper created issue ENG-123 “Webhook retries are not backing off” in Engineering",
      occurredAt: new Date("2024-03-12T09:41:07.120Z"),
      actorId: "2e9b4d3f-8d0e-4f4b-9c54-7a2d1b1c5e01",
      resourceIds: ["ENG", "72b2a2dc-6f4f-4423-9d34-24b5bd10634a", "72b2a2dc-6f4f-4423-9d34-24b5bd10634a"],
    });
  });

  it("calls an update that set the assignee issue.assigned, and any other update issue.updated", () => {
    expect(run(issueAssigned)).toMatchObject({
      action: "assigned",
      summary: "Jane Cooper assigned issue ENG-123 “Webhook retries are not backing off” to Wade Warren in Engineering",
    });
    const retitled = { ...issueAssigned, updatedFrom: { updatedAt: "2024-03-12T09:41:07.120Z", title: "Old title" } };
    expect(run(retitled)).toMatchObject({ action: "updated" });
    const unassigned = { ...issueAssigned, data: { ...issueAssigned.data, assigneeId: null, assignee: null } };
    expect(run(unassigned)).toMatchObject({ action: "updated" });
  });

  it("describes the documented comment example, and names its issue and team when the payload carries them", () => {
    expect(run(commentCreate)).toEqual({
      source: "linear",
      type: "comment",
      action: "created",
      actor: "Linear Developer",
      resource: null,
      url: "https://linear.app/issue/LIN-1778/foo-bar#comment-77e3abe8",
      summary: "Linear Developer commented on an issue",
      occurredAt: new Date("2020-01-23T12:53:18.084Z"),
      actorId: "2e6eea91-1111-0000-9486-acea0603064d",
      resourceIds: [],
    });
    const withIssue = { ...commentCreate, data: { ...commentCreate.data, issue: { identifier: "ENG-123", title: "Webhook retries", team: { id: "t1", key: "ENG", name: "Engineering" } } } };
    expect(run(withIssue)).toMatchObject({ resource: "Engineering", summary: "Linear Developer commented on ENG-123 “Webhook retries” in Engineering" });
  });

  it("snake-cases compound types", () => {
    expect(run({ type: "ProjectUpdate", action: "create", actor: { name: "Jane" }, data: {} } as never)).toMatchObject({ type: "project_update", action: "created", summary: "Jane created project update" });
  });
});
