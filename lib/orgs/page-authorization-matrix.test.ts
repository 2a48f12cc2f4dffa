// The console pages' authorization matrix: every page.tsx under app/(console), found on
// disk so a new page cannot be forgotten, must be declared in lib/authz/pages.ts and call
// the access helper with its own declaration; then the helper's decision is checked for
// anonymous, a member of another org and each role against real sessions: sign-in for
// anonymous, not found for outsiders, forbidden for a role without the page's permission.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { CONSOLE_PAGES, pagePath, type ConsolePage } from "../authz/pages";
import { ROLES, can, type Role } from "../authz/permissions";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { decidePageAccess } from "./console-access";

const CONSOLE_DIR = path.join(import.meta.dirname, "..", "..", "app", "(console)");

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pageFiles(full);
    return name === "page.tsx" ? [full] : [];
  });
}

/** "app/(console)/orgs/[slug]/billing/page.tsx" -> "orgs/[slug]/billing" (route groups dropped). */
function pageKey(file: string): string {
  return path.relative(CONSOLE_DIR, path.dirname(file)).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/");
}

const HELPER_OF = { "signed-in": "requirePageUser", anyone: "pageUserIfAny" } as const;

it("declares every console page on disk, and each page calls the access helper with its own declaration", () => {
  const files = pageFiles(CONSOLE_DIR);
  expect(files.length).toBeGreaterThanOrEqual(15);
  expect(files.map(pageKey).sort()).toEqual(Object.keys(CONSOLE_PAGES).sort());
  for (const file of files) {
    const page = pageKey(file) as ConsolePage;
    const requirement = CONSOLE_PAGES[page];
    const helper = requirement in HELPER_OF ? HELPER_OF[requirement as keyof typeof HELPER_OF] : "requirePageAccess";
    expect(readFileSync(file, "utf8"), `${page} must call ${helper}("${page}"`).toContain(`${helper}("${page}"`);
  }
});

it("fills a page's params into the path sign-in returns to", () => {
  expect(pagePath("orgs/[slug]/integrations/[connectionId]", { slug: "acme", connectionId: "c 1" })).toBe("/orgs/acme/integrations/c%201");
});

describeWith(["postgres"], "console page authorization matrix", () => {
  let slug: string;
  let tokens: Record<Role | "outsider", string>;
  beforeAll(async () => {
    const { org, owner, members } = await orgWithMembers(["admin", "billing", "member"]);
    const elsewhere = await orgWithMembers();
    slug = org.slug;
    const byRole = Object.fromEntries(members.map((member) => [member.role, member.session.token]));
    tokens = { owner: owner.session.token, admin: byRole.admin!, billing: byRole.billing!, member: byRole.member!, outsider: elsewhere.owner.session.token };
  });

  for (const [page, requirement] of Object.entries(CONSOLE_PAGES) as [ConsolePage, (typeof CONSOLE_PAGES)[ConsolePage]][]) {
    it(`${page} (${requirement})`, async () => {
      const orgPage = requirement !== "signed-in" && requirement !== "anyone";
      const decide = (token: string | null) => decidePageAccess(page, token, orgPage ? slug : undefined).then((decision) => decision.kind);
      expect(await decide(null)).toBe(requirement === "anyone" ? "allowed" : "sign-in");
      expect(await decide("not-a-session")).toBe(requirement === "anyone" ? "allowed" : "sign-in");
      expect(await decide(tokens.outsider)).toBe(orgPage ? "not-found" : "allowed");
      for (const role of ROLES) {
        expect(await decide(tokens[role]), role).toBe(!orgPage || can(role, requirement) ? "allowed" : "forbidden");
      }
    });
  }

  it("refuses a revoked session like anonymous, and names the org's access for an allowed member", async () => {
    const { org, members } = await orgWithMembers(["billing"]);
    const billing = members[0]!;
    const allowed = await decidePageAccess("orgs/[slug]/billing", billing.session.token, org.slug);
    expect(allowed).toMatchObject({ kind: "allowed", access: { org: { id: org.id, slug: org.slug }, role: "billing" } });
    await getDb().session.deleteMany({ where: { userId: billing.user.id } });
    expect((await decidePageAccess("orgs/[slug]/billing", billing.session.token, org.slug)).kind).toBe("sign-in");
  });
});
