// Loopback ports of one browser-test run, derived from E2E_PORT so that parallel runs
// (set different E2E_PORTs) do not collide.
const base = Number(process.env.E2E_PORT ?? 3100);

export const e2ePorts = {
  app: base,
  smtp: base + 1,
  mailboxHttp: base + 2,
  singleProcessApp: base + 3,
  oidcProvider: base + 4,
  // Provider API stand-ins (provider-stand-ins.ts).
  githubStandIn: base + 5,
  gitlabStandIn: base + 6,
  atlassianStandIn: base + 7,
  linearStandIn: base + 8,
  slackStandIn: base + 9,
  // The Stripe stand-in (stripe.ts).
  stripeStandIn: base + 10,
};
