import { describe, expect, it } from "vitest";
import { uniqueSuffix } from "../testing/fixtures";
import { waitForTestMail } from "../testing/mail";
import { sendMail } from "./send";

describe("sendMail", () => {
  it("delivers through SMTP with the configured sender", async () => {
    const to = `mail-${uniqueSuffix()}@example.test`;
    await sendMail({ to, subject: "Verify your email", text: "Open https://bastion.test/verify?token=abc to continue." });
    const mail = await waitForTestMail(to, { subject: /^Verify your email$/ });
    expect(mail.from).toBe(`"Bastion" <no-reply@bastion.test>`);
    expect(mail.text).toContain("https://bastion.test/verify?token=abc");
  });
});
