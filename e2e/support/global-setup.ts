// Starts the services the browser tests read from: an SMTP mailbox (Bastion is
// configured to send to it in playwright.config.ts) with an HTTP view for the specs,
// and a local OpenID provider for SSO (see oidc.ts).
import { startMailbox } from "../../lib/testing/mailbox";
import { startTestOidcProvider } from "../../lib/testing/oidc-provider";
import { e2eOidc } from "./oidc";
import { e2ePorts } from "./ports";

export default async function globalSetup() {
  const mailbox = await startMailbox({ smtpPort: e2ePorts.smtp, httpPort: e2ePorts.mailboxHttp });
  const idp = await startTestOidcProvider({
    port: e2ePorts.oidcProvider,
    clients: [e2eOidc.instanceClient, e2eOidc.orgClient],
    misbehaviour: e2eOidc.misbehaviour,
  });
  return async () => {
    await idp.close();
    await mailbox.close();
  };
}
