// The magic-link email. next-auth makes the single-use token (stored hashed) and the link;
// we deliver it through Bastion's mailer, so SMTP and the single-process log fallback
// behave as for every other email.
import "server-only";
import type { SendVerificationRequestParams } from "next-auth/providers/email";
import { sendMail } from "../../mail/send";

/** A magic link works once, within 15 minutes. */
export const MAGIC_LINK_LIFETIME_SECONDS = 15 * 60;

export async function sendMagicLink({ identifier, url }: SendVerificationRequestParams): Promise<void> {
  await sendMail({
    to: identifier,
    subject: "Your Bastion sign-in link",
    text: [
      "Use this link to sign in to Bastion:",
      "",
      url,
      "",
      `It works once and expires in ${MAGIC_LINK_LIFETIME_SECONDS / 60} minutes.`,
      "If you did not ask to sign in, you can ignore this email.",
    ].join("\n"),
  });
}
