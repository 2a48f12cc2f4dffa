// pageForPath: how a refusal page finds which page (and so which permission) was refused.
import { describe, expect, it } from "vitest";
import { CONSOLE_PAGES, pageForPath } from "./pages";

describe("pageForPath", () => {
  it("names the declared page of an org path, literal segments before parameters", () => {
    expect(pageForPath("/orgs/acme/billing")).toBe("orgs/[slug]/billing");
    expect(pageForPath("/orgs/acme")).toBe("orgs/[slug]");
    expect(pageForPath("/orgs/acme/integrations/rules")).toBe("orgs/[slug]/integrations/rules");
    expect(pageForPath("/orgs/acme/integrations/c_123")).toBe("orgs/[slug]/integrations/[connectionId]");
    expect(pageForPath("/orgs/acme/audit/")).toBe("orgs/[slug]/audit");
    expect(CONSOLE_PAGES[pageForPath("/orgs/acme/api-keys")!]).toBe("api-keys:manage");
  });

  it("knows the pages outside an org and nothing else", () => {
    expect(pageForPath("/account")).toBe("account");
    expect(pageForPath("/orgs")).toBe("orgs");
    expect(pageForPath("/orgs/acme/nonsense")).toBeNull();
    expect(pageForPath("/")).toBeNull();
  });
});
