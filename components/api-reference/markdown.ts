// A small Markdown renderer for the OpenAPI descriptions: paragraphs, fenced code, bullet
// and numbered lists, inline code, bold, italics and links. It builds React elements, never
// an HTML string, so whatever a description contains is text: <script> stays visible
// characters, and only http(s), mailto, relative and #anchor links become links.
// Written with createElement (no JSX) so unit tests can render it as plain TypeScript.
import { createElement, Fragment, type ReactNode } from "react";

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "code"; language: string; text: string }
  | { kind: "list"; ordered: boolean; items: string[] };

/** The blocks of a description, line by line. */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fence = /^\s*```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (index += 1; index < lines.length && !/^\s*```\s*$/.test(lines[index]!); index += 1) code.push(lines[index]!);
      blocks.push({ kind: "code", language: fence[1] ?? "", text: code.join("\n") });
      continue;
    }
    const item = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks.at(-1);
      if (last?.kind === "list" && last.ordered === ordered && lines[index - 1]?.trim() !== "") last.items.push(item[3]!);
      else blocks.push({ kind: "list", ordered, items: [item[3]!] });
      continue;
    }
    if (line.trim() === "") flush();
    else {
      // A continuation line of a list item belongs to that item.
      const last = blocks.at(-1);
      if (paragraph.length === 0 && last?.kind === "list" && /^\s+\S/.test(line) && lines[index - 1]?.trim() !== "") last.items[last.items.length - 1] += ` ${line.trim()}`;
      else paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** A link target worth following; anything else (javascript:, data:, vbscript:) stays text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (/^(\/(?!\/)|#)/.test(trimmed)) return trimmed;
  return null;
}

const INLINE = /(`[^`]+`)|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline spans of one block's text. */
export function renderInline(text: string, key = "i"): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const k = `${key}-${n++}`;
    const [, code, bold, em, emUnderscore, linkText, href] = match;
    if (code) nodes.push(createElement("code", { key: k, className: "rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]" }, code.slice(1, -1)));
    else if (bold) nodes.push(createElement("strong", { key: k, className: "font-semibold" }, ...renderInline(bold, k)));
    else if (em ?? emUnderscore) nodes.push(createElement("em", { key: k }, ...renderInline((em ?? emUnderscore)!, k)));
    else if (linkText && href) {
      const safe = safeHref(href);
      nodes.push(
        safe
          ? createElement("a", { key: k, href: safe, className: "font-medium text-primary underline underline-offset-4", ...(safe.startsWith("http") ? { rel: "noreferrer noopener", target: "_blank" } : {}) }, ...renderInline(linkText, k))
          : createElement(Fragment, { key: k }, match[0]),
      );
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** A description rendered as React elements. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const blocks = parseBlocks(source);
  return createElement(
    "div",
    { className: ["flex flex-col gap-2 text-sm leading-relaxed", className].filter(Boolean).join(" "), "data-markdown": "" },
    ...blocks.map((block, index) => {
      const key = `b${index}`;
      if (block.kind === "code") return createElement("pre", { key, className: "overflow-x-auto rounded-md border border-border bg-muted p-3 font-mono text-xs" }, createElement("code", null, block.text));
      if (block.kind === "list")
        return createElement(
          block.ordered ? "ol" : "ul",
          { key, className: block.ordered ? "list-decimal pl-5" : "list-disc pl-5" },
          ...block.items.map((item, itemIndex) => createElement("li", { key: `${key}-${itemIndex}` }, ...renderInline(item, `${key}-${itemIndex}`))),
        );
      return createElement("p", { key }, ...renderInline(block.text, key));
    }),
  );
}
