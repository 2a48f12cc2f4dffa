// The fixed credentials the stand-ins accept, so a test (or the browser tests' web
// server environment) and the stand-ins agree without passing values around. They
// are test values for loopback servers only, shaped like the providers' real ones.
export const standInCredentials = {
  github: {
    token: "github_pat_standin_11AAAAAAA0123456789abcdef",
    appId: "424242",
    appSlug: "bastion-standin",
    installationId: 5151,
  },
  gitlab: {
    token: "glpat-standin-0123456789abcdef",
    clientId: "gitlab-standin-client",
    clientSecret: "gitlab-standin-secret-0123456789",
  },
  jira: {
    email: "admin@acme.test",
    apiToken: "ATATT-standin-0123456789abcdef",
    personalAccessToken: "jira-dc-standin-pat-0123456789",
    clientId: "jira-standin-client",
    clientSecret: "jira-standin-secret-0123456789",
    cloudId: "11111111-2222-3333-4444-555555555555",
  },
  linear: {
    apiKey: "lin_api_standin0123456789abcdef",
    clientId: "linear-standin-client",
    clientSecret: "linear-standin-secret-0123456789",
  },
  slack: {
    botToken: "xoxb-standin-0123456789-abcdef",
    clientId: "1111111111.2222222222",
    clientSecret: "slack-standin-secret-0123456789",
    teamId: "T0STANDIN",
    botUserId: "U0STANDINBOT",
    botId: "B0STANDIN",
  },
} as const;
