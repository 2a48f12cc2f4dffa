// POST /api/v1/account/email and /email/confirm: the link goes to the new address, a
// notice to the old one, the link works once and only for the user who asked.
import { expect, it } from "vitest";
import { POST as requestChange } from "@/app/api/v1/account/email/route";
import { POST as confirmChange } from "@/app/api/v1/account/email/confirm/route";
import { getDb } from "../db";
import { captureLogs } from "../testing/capture-logs";
import { describeWith } from "../testing/describe";
import { createUser, signedInUser, uniqueSuffix } from "../testing/fixtures";
import { linkIn, waitForTestMail } from "../testing/mail";
import { accountRequest, noParams } from "./test-requests";

function request(cookie: string, email: string) {
  return requestChange(accountRequest("/api/v1/account/email", { cookie, body: { email } }), noParams);
}

function tokenIn(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get("token")!;
}

function confirm(cookie: string, token: string) {
  return confirmChange(accountRequest("/api/v1/account/email/confirm", { cookie, body: { token } }), noParams);
}

describeWith(["postgres", "redis"], "account API: email change", () => {
  it("mails a single-use link to the new address, notifies the old one, and switches on confirmation", async () => {
    const logs = captureLogs();
    const since = Date.now();
    const { user, cookie } = await signedInUser({ emailVerified: null });
    const newEmail = `New-${uniqueSuffix()}@Example.test`;

    const requested = await request(cookie, newEmail);
    expect(requested.status).toBe(200);
    const requestedText = await requested.text();
    expect(JSON.parse(requestedText)).toEqual({ sentTo: newEmail.toLowerCase() });

    const mail = await waitForTestMail(newEmail.toLowerCase(), { subject: /Confirm your new email/, since });
    const link = new URL(linkIn(mail, "/account/confirm-email"));
    expect(link.origin).toBe("http://localhost:3000");
    // In the fragment, never the query: the server and its logs never see it.
    expect(link.search).toBe("");
    const token = tokenIn(link.href);
    expect(token.length).toBeGreaterThan(20);
    const notice = await waitForTestMail(user.email, { subject: /being changed/, since });
    expect(notice.text).toContain(newEmail.toLowerCase());
    expect(notice.text).not.toContain(token);
    // Nothing changes until the link is used.
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const confirmed = await confirm(cookie, token);
    expect(confirmed.status).toBe(200);
    const confirmedText = await confirmed.text();
    expect(JSON.parse(confirmedText)).toEqual({ email: newEmail.toLowerCase() });
    const updated = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.email).toBe(newEmail.toLowerCase());
    expect(updated.emailVerified!.getTime()).toBeGreaterThanOrEqual(since - 1000);

    const again = await confirm(cookie, token);
    expect(again.status).toBe(422);
    expect((await again.json()).error.message).toMatch(/invalid or has expired/);

    const actions = await getDb().auditEvent.findMany({ where: { actorId: user.id }, orderBy: { createdAt: "asc" }, select: { action: true, metadata: true } });
    expect(actions).toEqual([
      { action: "account.email_change_requested", metadata: { newEmail: newEmail.toLowerCase() } },
      { action: "account.email_changed", metadata: { previousEmail: user.email, newEmail: newEmail.toLowerCase() } },
    ]);
    expect(requestedText + confirmedText + logs.text() + JSON.stringify(actions)).not.toContain(token);
  });

  it("answers an address of another account exactly as a free one, and tells that account by email", async () => {
    const since = Date.now();
    const other = await createUser();
    const { user, cookie } = await signedInUser();
    const response = await request(cookie, other.email.toUpperCase());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sentTo: other.email });
    const notice = await waitForTestMail(other.email, { subject: /tried to use your email address/, since });
    expect(notice.text).not.toContain(user.email);
    expect(notice.text).not.toMatch(/confirm-email/);
    // No link was issued, and the requester's own address hears nothing of a change.
    expect(await getDb().authToken.count({ where: { userId: user.id, purpose: "email_change" } })).toBe(0);
    await expect(waitForTestMail(user.email, { since, timeoutMs: 500 })).rejects.toThrow(/no email/);
  });

  it("refuses the current address and a malformed one with 422", async () => {
    const { user, cookie } = await signedInUser();
    expect((await request(cookie, user.email)).status).toBe(422);
    const malformed = await request(cookie, "not-an-email");
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.details[0]).toMatchObject({ path: "email", in: "body" });
  });

  it("refuses the link when the address was taken in the meantime, and when another user opens it", async () => {
    const since = Date.now();
    const { cookie } = await signedInUser();
    const wanted = `wanted-${uniqueSuffix()}@example.test`;
    expect((await request(cookie, wanted)).status).toBe(200);
    const token = tokenIn(linkIn(await waitForTestMail(wanted, { since }), "/account/confirm-email"));

    const intruder = await signedInUser();
    const stolen = await confirm(intruder.cookie, token);
    expect(stolen.status).toBe(422);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: intruder.user.id } })).email).toBe(intruder.user.email);

    await createUser({ email: wanted });
    const raced = await confirm(cookie, token);
    expect(raced.status).toBe(409);
  });

  it("an earlier link stops working once a newer change is requested", async () => {
    const since = Date.now();
    const { user, cookie } = await signedInUser();
    const first = `first-${uniqueSuffix()}@example.test`;
    const second = `second-${uniqueSuffix()}@example.test`;
    await request(cookie, first);
    const firstToken = tokenIn(linkIn(await waitForTestMail(first, { since }), "/account/confirm-email"));
    await request(cookie, second);
    expect((await confirm(cookie, firstToken)).status).toBe(422);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});
