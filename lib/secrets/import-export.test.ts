// .env import (preview, then commit) and export, through the API.
import { parse } from "dotenv";
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { dotenvQuote } from "./reveal";
import { secretsApi } from "./test-api";

const ENV_FILE = [
  "# app settings",
  "DATABASE_URL=postgres://u:p@db/app",
  'GREETING="hello world"',
  "export REDIS_URL=redis://cache:6379",
  "lower_case=ignored",
  "PRIVATE_KEY='-----BEGIN KEY-----\nabc\n-----END KEY-----'",
  "",
].join("\n");

describeWith(["postgres", "redis"], "secrets .env import and export", () => {
  it("previews keys and conflicts without values, then imports, skipping or overwriting conflicts", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    await api.create({ key: "DATABASE_URL", value: "old" });

    const preview = await api.preview({ content: ENV_FILE });
    expect(preview.status).toBe(200);
    expect(preview.body.items.map((item: { key: string; status: string }) => [item.key, item.status])).toEqual([
      ["DATABASE_URL", "conflict"],
      ["GREETING", "new"],
      ["REDIS_URL", "new"],
      ["lower_case", "invalid"],
      ["PRIVATE_KEY", "new"],
    ]);
    expect(JSON.stringify(preview.body)).not.toMatch(/hello world|u:p@db|BEGIN KEY/);

    const skipped = await api.importEnv({ content: ENV_FILE, environment: "staging" });
    expect(skipped.body).toEqual({ created: ["GREETING", "REDIS_URL", "PRIVATE_KEY"], updated: [], skipped: ["DATABASE_URL", "lower_case"] });
    expect((await api.values()).body).toEqual({
      DATABASE_URL: "old",
      GREETING: "hello world",
      REDIS_URL: "redis://cache:6379",
      PRIVATE_KEY: "-----BEGIN KEY-----\nabc\n-----END KEY-----",
    });

    const overwritten = await api.importEnv({ content: ENV_FILE, overwrite: true });
    expect(overwritten.body.updated).toEqual(["DATABASE_URL", "GREETING", "REDIS_URL", "PRIVATE_KEY"]);
    expect((await api.values()).body.DATABASE_URL).toBe("postgres://u:p@db/app");
    expect(await getDb().auditEvent.count({ where: { orgId: org.id, action: "secret.imported" } })).toBe(2);
  });

  it("exports a .env file that a dotenv parser reads back to the same values, audited", async () => {
    const { org, owner } = await orgWithMembers();
    const api = secretsApi(org.slug, owner.cookie);
    const values: Record<string, string> = {
      PLAIN: "abc123",
      SPACES: "two words # not a comment",
      QUOTES: `it's "quoted"`,
      MULTILINE: "line one\nline two",
      EMPTY: "",
      DOLLAR: "$HOME and ${PATH}",
    };
    for (const [key, value] of Object.entries(values)) await api.create({ key, value, environment: "production" });
    await api.create({ key: "OTHER_ENV", value: "x", environment: "staging" });
    const response = await api.exportEnv("?environment=production");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${org.slug}.production.env"`);
    expect(parse(await response.text())).toEqual(values);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "secret.exported" } });
    expect(audit.metadata).toMatchObject({ environment: "production", count: 6 });
  });

  it("quotes any value so that dotenv reads it back", () => {
    for (const value of ["a'b`c", "x\ny'`z", "'", "`", "tab\there", "= sign"]) {
      expect(parse(`K=${dotenvQuote(value)}\n`).K).toBe(value);
    }
  });
});
