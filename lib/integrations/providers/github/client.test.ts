// GitHub's client through Octokit against the GitHub stand-in over loopback: the token
// and App-installation methods, installation-token caching, the install URL, retries,
// timeouts and refusals that never carry a token.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { providerCall, startStandInsForClients, stopStandIns } from "../../../testing/provider-calls";
import { standInCredentials, type ProviderStandIns } from "../../../testing/provider-stand-ins";

const creds = standInCredentials.github;
let standIns: ProviderStandIns;
let github: typeof import("./client");
let appAuth: typeof import("./app-auth");
let oauth: typeof import("./oauth");

beforeAll(async () => {
  standIns = await startStandInsForClients();
  github = await import("./client");
  appAuth = await import("./app-auth");
  oauth = await import("./oauth");
});

afterAll(() => stopStandIns(standIns));

const tokenCall = (token: string = creds.token) => providerCall("github", "token", { API_TOKEN: token });
const appCall = () => providerCall("github", "app", {}, { config: { installationId: creds.installationId } });
const hits = (path: string) => standIns.servers.github.received.filter((request) => request.path === path).length;

describe("github token connections", () => {
  it("check names the token's user and reports the token's stated expiry", async () => {
    const result = await github.client.check(tokenCall());
    expect(result).toMatchObject({ name: "octocat", externalId: "583231", config: { accountLogin: "octocat", accountId: "583231" } });
    expect(result.tokenExpiresAt?.toISOString().slice(0, 19)).toBe(standIns.servers.github.tokenExpiresAt.toISOString().slice(0, 19));
    // A person's token: their own events are real activity, not Bastion's.
    expect(result.config).not.toHaveProperty("botUserId");
  });

  it("sync lists the user's repositories across pages", async () => {
    const repositories = await github.client.sync(tokenCall());
    expect(repositories.map((repo) => repo.name)).toEqual(["octocat/Hello-World", "octocat/Spoon-Knife", "octocat/linguist"]);
    expect(repositories[0]).toEqual({ kind: "repository", externalId: "1296269", name: "octocat/Hello-World", url: "https://github.com/octocat/Hello-World" });
  });

  it("refuses a wrong token with an unauthorized ProviderError that does not contain it", async () => {
    const wrong = "github_pat_wrong_0123456789abcdefXYZ";
    const failure = await github.client.check(tokenCall(wrong)).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: "ProviderError", provider: "github", kind: "unauthorized", status: 401 });
    expect((failure as Error).message).toContain("Bad credentials");
    expect(JSON.stringify(failure) + String(failure) + (failure as Error).stack).not.toContain(wrong);
  });

  it("retries a 429 after its Retry-After and succeeds", async () => {
    const before = hits("/user");
    standIns.inject("github", { status: 429, retryAfter: 1, path: "/user" });
    const started = Date.now();
    await expect(github.client.check(tokenCall())).resolves.toMatchObject({ name: "octocat" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits("/user") - before).toBe(2);
  });

  it("gives up after three 5xx answers with a transient ProviderError", async () => {
    const before = hits("/user");
    standIns.inject("github", { status: 503, times: 5, path: "/user" });
    const failure = await github.client.check(tokenCall()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: "unavailable", status: 503, transient: true });
    expect(hits("/user") - before).toBe(3);
    standIns.servers.github.received.length = 0;
  });
});

describe("github app installations", () => {
  it("check names the installation's account, reports its token expiry and the app bot's id", async () => {
    const result = await github.client.check(appCall());
    expect(result).toMatchObject({ name: "acme-org", externalId: String(creds.installationId), config: { installationId: creds.installationId, accountLogin: "acme-org", botLogin: `${creds.appSlug}[bot]`, botUserId: "7001" } });
    const inMinutes = (result.tokenExpiresAt!.getTime() - Date.now()) / 60_000;
    expect(inMinutes).toBeGreaterThan(55);
    expect(inMinutes).toBeLessThanOrEqual(60);
  });

  it("sync lists the installation's repositories and reuses the cached installation token", async () => {
    appAuth.forgetInstallationTokens();
    const minted = standIns.state.githubInstallationTokensMinted();
    const repositories = await github.client.sync(appCall());
    expect(repositories.map((repo) => repo.name)).toEqual(["acme-org/api", "acme-org/web", "acme-org/infra"]);
    expect(standIns.state.githubInstallationTokensMinted()).toBe(minted + 1);
    await github.client.sync(appCall());
    await github.client.check(appCall());
    expect(standIns.state.githubInstallationTokensMinted()).toBe(minted + 1);
  });

  it("concurrent callers share one mint", async () => {
    appAuth.forgetInstallationTokens();
    const minted = standIns.state.githubInstallationTokensMinted();
    const tokens = await Promise.all([1, 2, 3].map(() => appAuth.installationToken(creds.installationId)));
    expect(new Set(tokens.map((token) => token.token)).size).toBe(1);
    expect(standIns.state.githubInstallationTokensMinted()).toBe(minted + 1);
  });

  it("mints again once the cached token is within five minutes of expiry", async () => {
    const first = await appAuth.installationToken(creds.installationId);
    vi.useFakeTimers({ now: first.expiresAt.getTime() - 4 * 60_000, toFake: ["Date"] });
    try {
      const minted = standIns.state.githubInstallationTokensMinted();
      const second = await appAuth.installationToken(creds.installationId);
      expect(second.token).not.toBe(first.token);
      expect(standIns.state.githubInstallationTokensMinted()).toBe(minted + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an unknown installation is not found", async () => {
    const call = providerCall("github", "app", {}, { externalId: "999999" });
    await expect(github.client.check(call)).rejects.toMatchObject({ kind: "not_found", status: 404 });
  });

  it("builds the app's install URL with the state", () => {
    const url = new URL(oauth.githubAppInstallUrl("state-123")!);
    expect(`${url.origin}${url.pathname}`).toBe(`${standIns.urls.githubWeb}/apps/${creds.appSlug}/installations/new`);
    expect(url.searchParams.get("state")).toBe("state-123");
  });
});

describe("github with other settings", () => {
  it("a JWT signed by another key is refused, so the stand-in really checks the app's signature", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    vi.stubEnv("GITHUB_APP_PRIVATE_KEY", otherKey);
    vi.resetModules();
    const reloaded = await import("./client");
    (await import("./app-auth")).forgetInstallationTokens();
    await expect(reloaded.client.check(appCall())).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
    vi.stubEnv("GITHUB_APP_PRIVATE_KEY", standIns.env.GITHUB_APP_PRIVATE_KEY!);
  });

  it("times out a slow answer after INTEGRATIONS_HTTP_TIMEOUT_MS", async () => {
    vi.stubEnv("INTEGRATIONS_HTTP_TIMEOUT_MS", "300");
    vi.resetModules();
    const reloaded = await import("./client");
    standIns.inject("github", { delayMs: 2_000, path: "/user" });
    const started = Date.now();
    await expect(reloaded.client.check(tokenCall())).rejects.toMatchObject({ kind: "timeout", transient: true });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("has no install URL when no app slug is configured", async () => {
    vi.stubEnv("GITHUB_APP_SLUG", "");
    vi.resetModules();
    expect((await import("./oauth")).githubAppInstallUrl("s")).toBeNull();
  });
});
