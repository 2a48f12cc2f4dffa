// GitLab events from the payload examples GitLab documents (the webhook fixtures, fixtures/README.md).
import { describe, expect, it } from "vitest";
import issue from "./fixtures/issue-hook.json";
import mergeRequest from "./fixtures/merge-request-hook.json";
import pipeline from "./fixtures/pipeline-hook.json";
import push from "./fixtures/push-hook.json";
import { normalize } from "./normalize";

const receivedAt = new Date("2026-01-02T03:04:05Z");
const run = (eventType: string, payload: unknown) => normalize({ eventType, action: null, payload, receivedAt });

describe("GitLab normalizer", () => {
  it("counts a push's commits (total_commits_count, not the 20 listed) on its branch", () => {
    expect(run("Push Hook", push)).toEqual({
      source: "gitlab",
      type: "push",
      action: null,
      actor: "jsmith",
      resource: "mike/diaspora",
      url: "http://example.com/mike/diaspora/commit/da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      summary: "jsmith pushed 4 commits to master in mike/diaspora",
      occurredAt: receivedAt,
      actorId: "4",
      resourceIds: ["15", "15"],
    });
  });

  it("calls a push whose new revision is all zeros a deleted branch", () => {
    expect(run("Push Hook", { ...push, after: "0000000000000000000000000000000000000000", commits: [], total_commits_count: 0 })).toMatchObject({
      action: "deleted",
      summary: "jsmith deleted branch master in mike/diaspora",
    });
  });

  it("puts merge request actions in the past tense: open → merge_request.opened", () => {
    expect(run("Merge Request Hook", mergeRequest)).toMatchObject({
      type: "merge_request",
      action: "opened",
      actor: "root",
      resource: "gitlabhq/gitlab-test",
      url: "http://example.com/diaspora/merge_requests/1",
      summary: "root opened merge request !1 “MS-Viewport” in gitlabhq/gitlab-test",
      occurredAt: new Date("2013-12-03T17:23:34Z"),
      actorId: "1",
    });
    const merged = { ...mergeRequest, object_attributes: { ...mergeRequest.object_attributes, action: "merge" } };
    expect(run("Merge Request Hook", merged)).toMatchObject({ action: "merged", summary: "root merged merge request !1 “MS-Viewport” in gitlabhq/gitlab-test" });
  });

  it("describes an opened issue", () => {
    expect(run("Issue Hook", issue)).toMatchObject({
      type: "issue",
      action: "opened",
      url: "http://example.com/diaspora/issues/23",
      summary: "root opened issue #23 “New API: create/update/delete file” in gitlabhq/gitlab-test",
    });
  });

  it("gives a pipeline its status as action, so rules can ask for pipeline.failed", () => {
    expect(run("Pipeline Hook", pipeline)).toMatchObject({ type: "pipeline", action: "success", summary: "Pipeline #3 on master succeeded in gitlab-org/gitlab-test (root)" });
    const failed = { ...pipeline, object_attributes: { ...pipeline.object_attributes, status: "failed" } };
    expect(run("Pipeline Hook", failed)).toMatchObject({
      type: "pipeline",
      action: "failed",
      actor: "root",
      url: "http://example.com/gitlab-org/gitlab-test/-/pipelines/31",
      summary: "Pipeline #3 on master failed in gitlab-org/gitlab-test (root)",
      occurredAt: new Date("2016-08-12T15:26:29Z"),
    });
  });

  it("falls back to the X-Gitlab-Event header when the payload has no object_kind", () => {
    const { object_kind: _kind, ...withoutKind } = mergeRequest;
    expect(run("Merge Request Hook", withoutKind)).toMatchObject({ type: "merge_request", action: "opened" });
    expect(run("Job Hook", { build_status: "failed", build_name: "rspec", ref: "main", build_id: 7, project: { web_url: "https://gitlab.example/g/p", path_with_namespace: "g/p" } })).toMatchObject({
      type: "job",
      action: "failed",
      url: "https://gitlab.example/g/p/-/jobs/7",
      summary: "Job “rspec” on main failed in g/p",
    });
  });
});
