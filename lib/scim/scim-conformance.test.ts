// Replays the committed IdP request sequences (lib/scim/fixtures: Okta's SCIM 2.0 Spec
// Test and Entra's provisioning shapes) against the real SCIM route handlers, step by
// step, as the IdP would: each answer must have the status, media type and body the
// IdP's test expects.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { describeWith } from "../testing/describe";
import { orgWithMembers, uniqueSuffix } from "../testing/fixtures";
import { issueTestScimToken, scimCall } from "../testing/scim-client";

type Step = {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  expect: { status: number; body?: unknown; has?: string[]; absent?: string[]; absentInFirst?: string[] };
  capture?: Record<string, string>;
};

function load(file: string): Step[] {
  return (JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", file), "utf8")) as { steps: Step[] }).steps;
}

function fill<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === "string") return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? `{{${name}}}`) as T;
  if (Array.isArray(value)) return value.map((item) => fill(item, vars)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, vars)])) as T;
  return value;
}

async function replay(file: string, vars: Record<string, string>) {
  const { org, owner } = await orgWithMembers();
  const authorization = `Bearer ${await issueTestScimToken(org, owner.user.id)}`;
  for (const raw of load(file)) {
    const step = fill(raw, vars);
    const answer = await scimCall(org.slug, authorization, step.method, step.path, step.body);
    expect({ step: step.name, status: answer.status }).toEqual({ step: step.name, status: step.expect.status });
    if (answer.body !== null) expect({ step: step.name, contentType: answer.contentType }).toEqual({ step: step.name, contentType: expect.stringMatching(/^application\/scim\+json/) });
    if (step.expect.body) expect(answer.body, step.name).toMatchObject(step.expect.body as object);
    for (const key of step.expect.has ?? []) expect(answer.body, `${step.name}: has ${key}`).toHaveProperty([key]);
    for (const key of step.expect.absent ?? []) expect(answer.body, `${step.name}: no ${key}`).not.toHaveProperty([key]);
    for (const key of step.expect.absentInFirst ?? []) expect(answer.body.Resources[0], `${step.name}: no ${key}`).not.toHaveProperty([key]);
    for (const [name, key] of Object.entries(step.capture ?? {})) vars[name] = String(answer.body[key]);
  }
}

describeWith(["postgres"], "SCIM conformance replays", () => {
  it("passes Okta's SCIM 2.0 Spec Test sequence", async () => {
    const suffix = uniqueSuffix();
    await replay("okta-spec-test.json", {
      invalidUserEmail: `nobody-${suffix}@example.test`,
      userIdThatDoesNotExist: `010101010101-${suffix}`,
      randomUsername: `bjensen-${suffix}@example.test`,
      randomUsernameCaps: `BJENSEN-${suffix.toUpperCase()}@EXAMPLE.TEST`,
      randomEmail: `bjensen-${suffix}@example.test`,
      randomGivenName: "Barbara",
      randomFamilyName: "Jensen",
    });
  });

  it("passes Entra's provisioning request shapes", async () => {
    const suffix = uniqueSuffix();
    await replay("entra-validator.json", {
      entraUserName: `Test_User_${suffix}`,
      entraUserNameUpdated: `Test_User_${suffix}_renamed`,
      entraExternalId: `0a21f0f2-${suffix}`,
      entraEmail: `test_user_${suffix}@testuser.example`,
      entraEmailUpdated: `updated_${suffix}@testuser.example`,
      entraGroupName: `Engineers ${suffix}`,
    });
  });
});
