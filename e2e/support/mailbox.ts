// Reading the e2e mailbox (started in global-setup.ts) from a spec.
import { waitForMailAt, type ReceivedMail } from "../../lib/testing/mailbox";
import { e2ePorts } from "./ports";

export function waitForMail(to: string, options: { subject?: RegExp; since?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
  return waitForMailAt(`http://127.0.0.1:${e2ePorts.mailboxHttp}`, to, options);
}

export { linkIn } from "../../lib/testing/mailbox";
