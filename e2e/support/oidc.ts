// The local OpenID provider of the browser tests (started in global-setup.ts): the
// instance-wide client Bastion is configured with (playwright.config.ts) and a client
// for the per-org SSO spec. Emails chosen by prefix make it misbehave on purpose.
import { e2ePorts } from "./ports";

const appOrigin = `http://127.0.0.1:${e2ePorts.app}`;

export const e2eOidc = {
  issuer: `http://127.0.0.1:${e2ePorts.oidcProvider}`,
  displayName: "Test IdP",
  instanceClient: { clientId: "bastion-instance", clientSecret: "e2e-instance-client-secret", redirectUris: [`${appOrigin}/api/auth/callback/oidc`] },
  orgSlug: "e2e-sso-corp",
  orgDomain: "sso-corp.e2e.test",
  orgClient: { clientId: "bastion-e2e-corp", clientSecret: "e2e-org-client-secret", redirectUris: [`${appOrigin}/api/auth/callback/sso-e2e-sso-corp`] },
  misbehaviour: {
    wrongAudience: (email: string) => email.startsWith("wrong-audience"),
    tamperState: (email: string) => email.startsWith("tampered-state"),
    unverifiedEmail: (email: string) => email.startsWith("unverified"),
  },
};
