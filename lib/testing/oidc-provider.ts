// A real OpenID provider (oidc-provider) on loopback for SSO tests: discovery, PKCE,
// signed ID tokens, a login page that takes any email address. It can also misbehave
// on purpose for chosen emails: mint an ID token for another audience (signed with its
// real key, so only the audience is wrong), or alter the `state` it sends back.
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestOidcClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type Misbehaviour = {
  /** ID tokens for these emails carry aud "someone-else". */
  wrongAudience?: (email: string) => boolean;
  /** The authorization response for these emails carries a different state. */
  tamperState?: (email: string) => boolean;
  /** These emails are asserted with email_verified: false. */
  unverifiedEmail?: (email: string) => boolean;
};

export type TestOidcProvider = { issuer: string; close(): Promise<void> };

/** The subject the provider asserts for an email (stable, so repeated logins link). */
export function subjectFor(email: string): string {
  return `sub-${createHash("sha256").update(email.toLowerCase()).digest("hex").slice(0, 20)}`;
}

const loginPage = (uid: string) => `<!doctype html><html><head><title>Test IdP sign-in</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label>Email <input name="email" type="email" required autofocus></label>
<button type="submit">Sign in to the IdP</button>
</form></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startTestOidcProvider(options: {
  port?: number;
  clients: TestOidcClient[];
  misbehaviour?: Misbehaviour;
  /** The `groups` claim for an email (role mapping tests). */
  groupsFor?: (email: string) => string[];
}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const misbehave = options.misbehaviour ?? {};

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const accounts = new Map<string, { email: string }>();
  const wrongAudienceSubjects = new Set<string>();
  const tamperedInteractions = new Set<string>();

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    features: { devInteractions: { enabled: false } },
    // Email and name in the ID token itself (Bastion reads the profile from it).
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: !misbehave.unverifiedEmail?.(account.email),
          name: account.email.split("@")[0],
          ...(options.groupsFor ? { groups: options.groupsFor(account.email) } : {}),
        }),
      };
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === "/token" && ctx.body && typeof ctx.body === "object" && "id_token" in ctx.body) {
      const body = ctx.body as { id_token: string };
      body.id_token = withWrongAudience(body.id_token, privateKey, wrongAudienceSubjects);
    }
    const resumed = /^\/auth\/([^/]+)$/.exec(ctx.path)?.[1];
    if (resumed && tamperedInteractions.has(resumed) && ctx.status >= 300 && ctx.status < 400) {
      const location = new URL(ctx.response.get("location"));
      location.searchParams.set("state", `${location.searchParams.get("state") ?? ""}tampered`);
      ctx.set("location", location.toString());
    }
  });

  const oidc = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return oidc(req, res);
    void (async () => {
      try {
        const interaction = await provider.interactionDetails(req, res);
        if (!match[2]) {
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(loginPage(interaction.uid));
          return;
        }
        const email = (await formBody(req)).get("email")?.trim().toLowerCase() ?? "";
        const accountId = subjectFor(email);
        accounts.set(accountId, { email });
        if (misbehave.wrongAudience?.(email)) wrongAudienceSubjects.add(accountId);
        if (misbehave.tamperState?.(email)) tamperedInteractions.add(interaction.uid);
        const grant = new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
        grant.addOIDCScope(String(interaction.params.scope ?? "openid"));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.statusCode = 400;
        res.end(`interaction failed: ${(error as Error).message}`);
      }
    })();
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Re-signs an ID token with aud "someone-else" when its subject is one to misbehave for. */
function withWrongAudience(idToken: string, key: ReturnType<typeof generateKeyPairSync>["privateKey"], subjects: Set<string>): string {
  const [header, payload] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as { sub: string; aud: string };
  if (!subjects.has(claims.sub)) return idToken;
  const signingInput = `${header}.${Buffer.from(JSON.stringify({ ...claims, aud: "someone-else" })).toString("base64url")}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(key).toString("base64url");
  return `${signingInput}.${signature}`;
}

/**
 * Plays the browser at the provider for a test without one: follows the authorization
 * URL, signs in as `email` on the login page, and returns the redirect back to the
 * client (its callback URL with code and state, or an error).
 */
export async function authorizeAs(authorizationUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
    return response;
  };
  let response = await send(authorizationUrl);
  let location = new URL(response.headers.get("location") ?? "", authorizationUrl).toString();
  const issuerOrigin = new URL(authorizationUrl).origin;
  response = await send(location);
  if (response.status !== 200) throw new Error(`expected the login page, got ${response.status}`);
  response = await send(`${location}/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email }).toString() });
  // Follow the provider's own redirects until it hands the browser back to the client.
  for (let hops = 0; hops < 5; hops++) {
    location = new URL(response.headers.get("location") ?? "", issuerOrigin).toString();
    if (!location.startsWith(issuerOrigin)) return location;
    response = await send(location);
  }
  throw new Error("the provider did not redirect back to the client");
}
