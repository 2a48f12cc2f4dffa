// Starts the services the browser tests read from: an SMTP mailbox (Bastion is
// configured to send to it in playwright.config.ts) with an HTTP view for the specs.
import { startMailbox } from "../../lib/testing/mailbox";
import { e2ePorts } from "./ports";

export default async function globalSetup() {
  const mailbox = await startMailbox({ smtpPort: e2ePorts.smtp, httpPort: e2ePorts.mailboxHttp });
  return async () => {
    await mailbox.close();
  };
}
