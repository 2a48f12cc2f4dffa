// A real SMTP server on loopback that keeps what it receives, for tests that read the
// emails Bastion sends (verification, reset and invitation links). Optionally serves the
// messages over HTTP so browser tests in another process can read them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; receivedAt: number };

export type Mailbox = {
  smtpUrl: string;
  httpUrl: string | null;
  messages(): ReceivedMail[];
  /** The newest message to `to` (matching `subject` if given) received after `since`. */
  waitForMail(to: string, options?: { subject?: RegExp; since?: number; timeoutMs?: number }): Promise<ReceivedMail>;
  close(): Promise<void>;
};

export async function startMailbox(options: { smtpPort?: number; httpPort?: number } = {}): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((address) => address.value.map((entry) => entry.address?.toLowerCase() ?? ""));
          received.push({ to, from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", receivedAt: Date.now() });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(options.smtpPort ?? 0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let httpServer: http.Server | null = null;
  if (options.httpPort !== undefined) {
    httpServer = http.createServer((request, response) => {
      const to = new URL(request.url ?? "/", "http://mailbox").searchParams.get("to")?.toLowerCase();
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(received.filter((mail) => !to || mail.to.includes(to))));
    });
    await new Promise<void>((resolve) => httpServer!.listen(options.httpPort, "127.0.0.1", resolve));
  }

  const find = (to: string, subject?: RegExp, since = 0) =>
    [...received].reverse().find((mail) => mail.to.includes(to.toLowerCase()) && mail.receivedAt >= since && (!subject || subject.test(mail.subject)));

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: httpServer ? `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` : null,
    messages: () => [...received],
    async waitForMail(to, { subject, since = 0, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = find(to, subject, since);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no email to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (httpServer) await new Promise<void>((resolve) => httpServer!.close(() => resolve()));
    },
  };
}

/** Waits for an email to `to` in a mailbox served over HTTP (another process's). */
export async function waitForMailAt(
  httpUrl: string,
  to: string,
  options: { subject?: RegExp; since?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const response = await fetch(`${httpUrl}/?to=${encodeURIComponent(to)}`);
    const mails = ((await response.json()) as ReceivedMail[]).reverse();
    const match = mails.find((mail) => mail.receivedAt >= (options.since ?? 0) && (!options.subject || options.subject.test(mail.subject)));
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no email to ${to}${options.subject ? ` matching ${options.subject}` : ""} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first http(s) link in an email's text that contains `pathPart`. */
export function linkIn(mail: ReceivedMail, pathPart: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((candidate) => candidate.includes(pathPart));
  if (!link) throw new Error(`no link containing ${pathPart} in "${mail.subject}"`);
  return link;
}
