// Jira events from Atlassian's documented example (the webhook fixture issue-updated.json)
// and payloads of the same documented shape for other events (fixtures/normalize-*.json).
import { describe, expect, it } from "vitest";
import issueUpdated from "./fixtures/issue-updated.json";
import commentCreated from "./fixtures/normalize-comment-created.json";
import issueAssigned from "./fixtures/normalize-issue-assigned.json";
import issueCreated from "./fixtures/normalize-issue-created.json";
import { normalize } from "./normalize";

const run = (payload: { webhookEvent: string }) => normalize({ eventType: payload.webhookEvent, action: null, payload });

describe("Jira normalizer", () => {
  it("splits jira:issue_created into issue.created, linking the issue's browse page", () => {
    expect(run(issueCreated)).toEqual({
      source: "jira",
      type: "issue",
      action: "created",
      actor: "Mia Krystof",
      resource: "Test Project",
      url: "https://your-domain.atlassian.net/browse/TEST-4",
      summary: "Mia Krystof created TEST-4 “Checkout fails for carts over 100 items” in Test Project",
      occurredAt: new Date(1525698237764),
      actorId: "5b10a2844c20165700ede21g",
      resourceIds: ["TEST", "10000"],
    });
  });

  it("turns the documented jira:issue_updated example into issue.updated by its Data Center user", () => {
    expect(run(issueUpdated)).toEqual({
      source: "jira",
      type: "issue",
      action: "updated",
      actor: "Bryan Rollins [Atlassian]",
      resource: null,
      url: "https://jira.atlassian.com/browse/JRA-20002",
      summary: "Bryan Rollins [Atlassian] updated JRA-20002 “I feel the need for speed”",
      occurredAt: new Date(1525698237764),
      actorId: "brollins",
      resourceIds: [],
    });
  });

  it("turns an update that assigned the issue into issue.assigned", () => {
    expect(run(issueAssigned)).toMatchObject({
      type: "issue",
      action: "assigned",
      summary: "Mia Krystof assigned TEST-4 “Checkout fails for carts over 100 items” to Emma Richards in Test Project",
    });
    // Without issue_event_type_name, a changelog touching only the assignee says the same.
    const { issue_event_type_name: _name, ...plain } = issueAssigned;
    expect(run(plain)).toMatchObject({ action: "assigned" });
    const edited = { ...plain, changelog: { items: [{ field: "summary" }] } };
    expect(run(edited)).toMatchObject({ action: "updated", summary: expect.stringMatching(/^Mia Krystof updated TEST-4 /) });
  });

  it("attributes a comment to its author", () => {
    expect(run(commentCreated)).toMatchObject({
      type: "comment",
      action: "created",
      actor: "Emma Richards",
      actorId: "5b109f2e9729b51b54dc274d",
      summary: "Emma Richards commented on TEST-4 “Checkout fails for carts over 100 items” in Test Project",
    });
  });

  it("keeps a Data Center path prefix in the browse link", () => {
    const onPrem = { ...issueCreated, issue: { ...issueCreated.issue, self: "https://jira.example.com/jira/rest/api/2/issue/10003" } };
    expect(run(onPrem)!.url).toBe("https://jira.example.com/jira/browse/TEST-4");
  });

  it("splits other events on their last underscore", () => {
    expect(run({ webhookEvent: "sprint_started", sprint: { name: "Sprint 7" } } as never)).toMatchObject({ type: "sprint", action: "started", summary: "Someone started sprint “Sprint 7”" });
    expect(run({ webhookEvent: "board_configuration_changed" } as never)).toMatchObject({ type: "board_configuration", action: "changed" });
  });
});
