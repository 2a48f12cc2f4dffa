// GitHub events from @octokit/webhooks-examples (the payloads GitHub documents) as org events.
import examples from "@octokit/webhooks-examples";
import { describe, expect, it } from "vitest";
import { normalize } from "./normalize";

function example(name: string, match: (payload: Record<string, unknown>) => boolean = () => true) {
  const payload = examples.find((definition) => definition.name === name)!.examples.find((candidate) => match(candidate as Record<string, unknown>));
  if (!payload) throw new Error(`no ${name} example matches`);
  return payload as Record<string, unknown>;
}

const receivedAt = new Date("2026-01-02T03:04:05Z");
const run = (eventType: string, payload: Record<string, unknown>) =>
  normalize({ eventType, action: typeof payload.action === "string" ? payload.action : null, payload, receivedAt });

describe("GitHub normalizer", () => {
  it("turns a push into a commit count on its branch, linked to the compare view", () => {
    const payload = example("push", (candidate) => candidate.ref === "refs/heads/master");
    expect(run("push", payload)).toEqual({
      source: "github",
      type: "push",
      action: null,
      actor: "Codertocat",
      resource: "Codertocat/Hello-World",
      url: "https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246",
      summary: "Codertocat pushed 1 commit to master in Codertocat/Hello-World",
      occurredAt: new Date("2019-05-15T15:19:25Z"),
      actorId: "21031067",
      resourceIds: ["186853002"],
    });
  });

  it("describes a deleted tag without commits", () => {
    const payload = example("push", (candidate) => candidate.deleted === true);
    expect(run("push", payload)).toMatchObject({ summary: "Codertocat deleted tag simple-tag in Codertocat/Hello-World", occurredAt: receivedAt });
  });

  it("names pull_request.opened with its number, title and link", () => {
    const event = run("pull_request", example("pull_request", (candidate) => candidate.action === "opened"));
    expect(event).toMatchObject({
      type: "pull_request",
      action: "opened",
      url: "https://github.com/Codertocat/Hello-World/pull/2",
      summary: "Codertocat opened pull request #2 “Update the README with new information.” in Codertocat/Hello-World",
      occurredAt: new Date("2019-05-15T15:20:33Z"),
    });
  });

  it("says merged for a pull request closed by a merge, keeping the provider's action for rules", () => {
    const closed = example("pull_request", (candidate) => candidate.action === "closed");
    const merged = { ...closed, pull_request: { ...(closed.pull_request as object), merged: true } };
    expect(run("pull_request", merged)).toMatchObject({ action: "closed", summary: expect.stringMatching(/^Codertocat merged pull request #2 /) });
    expect(run("pull_request", closed)).toMatchObject({ summary: expect.stringMatching(/^Codertocat closed pull request #2 /) });
  });

  it("describes issues and comments on them", () => {
    expect(run("issues", example("issues", (candidate) => candidate.action === "opened"))).toMatchObject({
      type: "issues",
      action: "opened",
      url: "https://github.com/Codertocat/Hello-World/issues/1",
      summary: "Codertocat opened issue #1 “Spelling error in the README file” in Codertocat/Hello-World",
    });
    expect(run("issue_comment", example("issue_comment", (candidate) => candidate.action === "created"))).toMatchObject({
      url: "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400",
      summary: "Codertocat commented on issue #1 “Spelling error in the README file” in Codertocat/Hello-World",
    });
  });

  it("gives event types without a describer a generic summary naming type, action and actor", () => {
    const event = run("check_suite", example("check_suite", (candidate) => candidate.action === "completed"));
    expect(event).toMatchObject({ type: "check_suite", action: "completed", summary: "check suite completed by Codertocat in Codertocat/Hello-World" });
    expect(event!.url).toBe("https://github.com/Codertocat/Hello-World");
  });

  it("records nothing for a ping", () => {
    expect(run("ping", example("ping"))).toBeNull();
  });

  it("normalizes every documented example without throwing, each with a one-line summary", () => {
    let count = 0;
    for (const definition of examples) {
      for (const payload of definition.examples) {
        const event = run(definition.name, payload as Record<string, unknown>);
        if (definition.name === "ping") continue;
        expect(event, definition.name).not.toBeNull();
        expect(event!.summary).toMatch(/^\S.*\S$/);
        expect(event!.summary).not.toContain("\n");
        expect(event!.type).toBe(definition.name);
        count++;
      }
    }
    expect(count).toBeGreaterThan(300);
  });
});
