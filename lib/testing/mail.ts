// Reading, from a test, the emails Bastion sent during this run (see global-setup.ts).
import { inject } from "vitest";
import { waitForMailAt, type ReceivedMail } from "./mailbox";

export function waitForTestMail(to: string, options: { subject?: RegExp; since?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  return waitForMailAt(inject("mailboxUrl"), to, options);
}

export { linkIn } from "./mailbox";
