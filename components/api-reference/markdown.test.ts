// The API reference's Markdown: the supported blocks and spans render, and anything that
// tries to inject HTML or script stays inert text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, parseBlocks, safeHref } from "./markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown for OpenAPI descriptions", () => {
  it("renders paragraphs, inline code, emphasis, links, lists and fenced code", () => {
    const out = html(
      [
        "Requires the `members:read` permission, **owners** only, *really*.",
        "See [the guide](https://example.com/guide) or [a section](#tag-members).",
        "",
        "- first",
        "- second with `code`",
        "",
        "1. one",
        "2. two",
        "",
        "```json",
        '{ "a": 1 }',
        "```",
      ].join("\n"),
    );
    expect(out).toContain('<code class="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">members:read</code>');
    expect(out).toContain('<strong class="font-semibold">owners</strong>');
    expect(out).toContain("<em>really</em>");
    expect(out).toContain('href="https://example.com/guide"');
    expect(out).toContain('rel="noreferrer noopener"');
    expect(out).toContain('href="#tag-members"');
    expect(out).toMatch(/<ul[^>]*><li>first<\/li><li>second with <code[^>]*>code<\/code><\/li><\/ul>/);
    expect(out).toMatch(/<ol[^>]*><li>one<\/li><li>two<\/li><\/ol>/);
    expect(out).toContain("<pre");
    expect(out).toContain("{ &quot;a&quot;: 1 }");
    expect(parseBlocks("a\nb\n\nc")).toEqual([{ kind: "paragraph", text: "a b" }, { kind: "paragraph", text: "c" }]);
  });

  it("renders HTML and script attempts as inert text", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[proto](//evil.example/x)",
      '`<iframe src="https://evil.example">`',
      "**<svg onload=alert(1)>**",
      "```\n</pre><script>alert(1)</script>\n```",
    ];
    const out = html(attacks.join("\n\n"));
    // Only the renderer's own elements and attributes, and no link at all: every attempt is text.
    for (const [, tag, attributes] of out.matchAll(/<(\w+)([^>]*)>/g)) {
      expect(["div", "p", "code", "strong", "em", "pre"]).toContain(tag);
      for (const [, name] of attributes!.matchAll(/\s([\w-]+)=/g)) expect(["class", "data-markdown"]).toContain(name);
    }
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    // A refused link keeps its text visible, unlinked.
    expect(out).toContain("[click](javascript:alert(1))");
    expect(out).toContain("&lt;/pre&gt;&lt;script&gt;");
  });

  it("follows only http(s), mailto, site-relative and anchor links", () => {
    expect(safeHref("https://a.example")).toBe("https://a.example");
    expect(safeHref("mailto:x@example.com")).toBe("mailto:x@example.com");
    expect(safeHref("/api/v1/openapi.json")).toBe("/api/v1/openapi.json");
    expect(safeHref("#op-getMembers")).toBe("#op-getMembers");
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "vbscript:x", "data:text/html,x", "//evil.example", "file:///etc/passwd"]) expect(safeHref(bad)).toBeNull();
  });
});
