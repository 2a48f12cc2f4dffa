// The Slack message for a routed event: summary linked to the event, escaped mrkdwn.
import { describe, expect, it } from "vitest";
import { formatNotification } from "./format";

const event = {
  source: "github",
  type: "pull_request",
  action: "opened",
  actor: "octocat",
  resource: "octo/app",
  url: "https://github.com/octo/app/pull/7",
  summary: "octocat opened pull request #7 “Fix <script> & co” in octo/app",
  occurredAt: new Date("2026-01-02T03:04:05Z"),
};

describe("Slack notification format", () => {
  it("names source and event type, links the summary, and says which rule sent it", () => {
    const { text, blocks } = formatNotification(event, { name: "PRs" });
    expect(text).toBe("[GitHub] octocat opened pull request #7 “Fix <script> & co” in octo/app https://github.com/octo/app/pull/7");
    expect(blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*GitHub* · `pull_request.opened`\n<https://github.com/octo/app/pull/7|octocat opened pull request #7 “Fix &lt;script&gt; &amp; co” in octo/app>" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "octocat · octo/app · <!date^1767323045^{date_short_pretty} {time}|2026-01-02T03:04:05.000Z> · rule “PRs”" }] },
    ]);
  });

  it("cannot be made to mention the channel or forge a link from provider text", () => {
    const hostile = { ...event, summary: "<!channel> <https://evil.example|click>", actor: "<@U123>", url: "https://example.com/a|b>c" };
    const { blocks } = formatNotification(hostile, { name: "x" });
    const rendered = JSON.stringify(blocks);
    expect(rendered).not.toContain("<!channel>");
    expect(rendered).not.toContain("<https://evil.example");
    expect(rendered).not.toContain("<@U123>");
    expect(rendered).toContain("<https://example.com/a%7Cb%3Ec|");
  });

  it("shows the summary unlinked when the event has no URL", () => {
    const { blocks, text } = formatNotification({ ...event, url: null, action: null, type: "push" }, { name: "x" });
    expect(text).toBe("[GitHub] octocat opened pull request #7 “Fix <script> & co” in octo/app");
    expect((blocks[0] as { text: { text: string } }).text.text).toBe("*GitHub* · `push`\noctocat opened pull request #7 “Fix &lt;script&gt; &amp; co” in octo/app");
  });
});
