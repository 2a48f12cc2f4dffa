// Outgoing mail through SMTP (nodemailer). Without SMTP_URL, single-process mode prints
// the message to the log (so a laptop install can still sign in); server mode refuses,
// because a log shared by a fleet is no place for sign-in links.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env, mode } from "../env";
import { AppError } from "../errors";
import { logger } from "../logger";
import { processSingleton } from "../runtime";

export type Mail = { to: string; subject: string; text: string; html?: string };

function transport(url: string): Transporter {
  return processSingleton("mail-transport", () => nodemailer.createTransport(url));
}

/**
 * Whether mail leaves this server. False only in single-process mode without SMTP_URL,
 * where sendMail prints each message to the server log: results must then not say "we
 * sent an email" but where the link is.
 */
export function mailIsSent(): boolean {
  return Boolean(env().SMTP_URL);
}

/** The honest ending of "we emailed you a link" when mail only reaches the server log. */
export const MAIL_IN_LOG_NOTE = "This server has no email delivery configured (SMTP_URL), so the email was written to the server log instead: find the link there.";

export async function sendMail(mail: Mail): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) {
    if (mode() === "single-process") {
      logger.warn({ to: mail.to, subject: mail.subject, body: mail.text }, "SMTP_URL is not set: this email was not sent; here it is");
      return;
    }
    logger.error({ subject: mail.subject }, "cannot send email: SMTP_URL is not set");
    throw new AppError("unavailable", "Email delivery is not configured on this server");
  }
  try {
    await transport(url).sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (error) {
    // The SMTP error may echo the message; log only its kind.
    logger.error({ subject: mail.subject, err: (error as NodeJS.ErrnoException).code ?? "smtp_error" }, "sending email failed");
    throw new AppError("unavailable", "The email could not be sent; try again later");
  }
}
