// Two worker processes refreshing one connection's OAuth token: GitLab (like Atlassian
// and Slack with rotation) accepts each refresh token once, so the second refresher must
// take the pair the first one stored instead of spending the used refresh token.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db";
import { describeWith } from "../../testing/describe";
import { orgWithMembers } from "../../testing/fixtures";
import { createTestConnection } from "../../testing/integration-fixtures";
import { approveAuthorization, startStandInsForClients, stopStandIns } from "../../testing/provider-calls";
import type { ProviderStandIns } from "../../testing/provider-stand-ins";

let standIns: ProviderStandIns;

beforeAll(async () => {
  standIns = await startStandInsForClients();
});
afterAll(() => stopStandIns(standIns));

describeWith(["postgres"], "token refresh across processes", () => {
  it("a second refresher adopts the pair another process stored, and the provider sees one refresh", async () => {
    const { oauth } = await import("../providers/gitlab/oauth");
    const pkce = await import("../providers/pkce");
    const { client } = await import("../providers/gitlab/client");
    const { providerCallFor } = await import("./credentials");
    const redirectUri = "http://localhost:3000/api/integrations/oauth/gitlab/callback";
    const verifier = pkce.newCodeVerifier();
    const { code } = await approveAuthorization(oauth.authorizeUrl({ state: "st", codeChallenge: pkce.codeChallengeS256(verifier), redirectUri, baseUrl: null }));
    const exchanged = await oauth.exchange({ code, codeVerifier: verifier, redirectUri, baseUrl: null });

    const { org } = await orgWithMembers();
    const connection = await createTestConnection(org.id, "gitlab", exchanged.credentials, { method: "oauth" });
    const expired = await getDb().integrationConnection.update({ where: { id: connection.id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
    // Two processes loaded the connection before either refreshed: same stale pair each.
    const [first, second] = [await providerCallFor(expired), await providerCallFor(expired)];
    const refreshes = standIns.state.oauthRefreshes("gitlab");

    await expect(client.check(first)).resolves.toMatchObject({ name: "Jane Doe" });
    await expect(client.check(second)).resolves.toMatchObject({ name: "Jane Doe" });
    expect(standIns.state.oauthRefreshes("gitlab")).toBe(refreshes + 1);
    expect(second.credentials.ACCESS_TOKEN).toBe(first.credentials.ACCESS_TOKEN);
    expect(second.credentials.ACCESS_TOKEN).not.toBe(exchanged.credentials.ACCESS_TOKEN);
  });
});
