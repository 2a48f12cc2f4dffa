// Starts the services the browser tests read from: an SMTP mailbox (Bastion is
// configured to send to it in playwright.config.ts) with an HTTP view for the specs,
// a local OpenID provider for SSO (see oidc.ts), and the provider API stand-ins of the
// integrations (see provider-stand-ins.ts) and the Stripe stand-in (see stripe.ts).
import { startMailbox } from "../../lib/testing/mailbox";
import { startTestOidcProvider } from "../../lib/testing/oidc-provider";
import { e2eOidc } from "./oidc";
import { e2ePorts } from "./ports";
import { startE2eStandIns } from "./provider-stand-ins";
import { startE2eStripe } from "./stripe";

export default async function globalSetup() {
  const mailbox = await startMailbox({ smtpPort: e2ePorts.smtp, httpPort: e2ePorts.mailboxHttp });
  const idp = await startTestOidcProvider({
    port: e2ePorts.oidcProvider,
    clients: [e2eOidc.instanceClient, e2eOidc.orgClient],
    misbehaviour: e2eOidc.misbehaviour,
  });
  const standIns = await startE2eStandIns();
  const stripe = await startE2eStripe();
  return async () => {
    await stripe.close();
    await standIns.stop();
    await idp.close();
    await mailbox.close();
  };
}
