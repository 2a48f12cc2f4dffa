// The assertion consumer service: a SAML response (SP- or IdP-initiated) becomes a
// Bastion session, exactly like any other sign-in, or is refused with nothing created.
// Order: signature, issuer, audience, InResponseTo and validity window (node-saml) ->
// recipient, destination, encryption -> replay (the assertion id is burnt here) ->
// who the user is (same rules as OIDC: sign-in-policy.ts) -> user, link, JIT membership,
// session, audit in one transaction.
import "server-only";
import { DOMParser } from "@xmldom/xmldom";
import type { Profile } from "@node-saml/node-saml";
import xpath from "xpath";
import { recordAudit } from "../../audit/record";
import { safeRedirectPath } from "../../auth/redirect";
import { requestMeta } from "../../auth/request-meta";
import { emailDomain, ssoRequirementFor } from "../../auth/sso-policy";
import { startSession } from "../../auth/start-session";
import { getDb } from "../../db";
import { PayloadTooLarge } from "../../errors";
import { readRawBody } from "../../http/body";
import { logger } from "../../logger";
import { applySsoMembership } from "../jit";
import { claimAssertionId } from "./message-ids";
import { CLOCK_SKEW_MS, hasIdpSettings, serviceProvider, spUrls, type SamlConnectionRow } from "./service-provider";

export type SamlOutcome = { redirectTo: string; setCookie?: string };

const EMAIL_ATTRIBUTES = ["email", "mail", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "urn:oid:0.9.2342.19200300.100.1.3"];
const NAME_ATTRIBUTES = ["displayName", "name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "urn:oid:2.16.840.1.113730.3.1.241"];

export function samlProviderId(connectionId: string): string {
  return `saml:${connectionId}`;
}

const connectionSelect = {
  id: true,
  orgId: true,
  idpEntityId: true,
  idpSsoUrl: true,
  idpCertificates: true,
  spCertificate: true,
  requireEncryptedAssertions: true,
  allowUnverifiedDomains: true,
  org: { select: { slug: true } },
} as const;

/** An enabled connection of a live org with its IdP settings, or null (a draft is never usable). */
export async function findActiveSamlConnection(connectionId: string) {
  const row = await getDb().samlConnection.findFirst({ where: { id: connectionId, enabled: true, org: { deletedAt: null } }, select: connectionSelect });
  return row && hasIdpSettings(row) ? row : null;
}

/** The connection whose SP metadata is public: an enabled one, or a draft still waiting for its IdP. */
export function findSamlConnectionForMetadata(connectionId: string) {
  return getDb().samlConnection.findFirst({
    where: { id: connectionId, org: { deletedAt: null }, OR: [{ enabled: true }, { idpEntityId: null }] },
    select: { id: true, orgId: true, spCertificate: true },
  });
}

/** SP-initiated sign-in: the IdP URL carrying a fresh AuthnRequest (its id is stored for InResponseTo). */
export async function samlSignInRedirect(connectionId: string, callbackUrl: string | null): Promise<string> {
  const connection = await findActiveSamlConnection(connectionId);
  if (!connection) return "/auth-error?error=SsoNotConfigured";
  const sp = await serviceProvider(connection);
  return sp.getAuthorizeUrlAsync(safeRedirectPath(callbackUrl, ""), undefined, {});
}

function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

function attribute(profile: Profile, names: string[]): string | undefined {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const name of names) {
    const value = firstString(attributes[name]) ?? firstString(profile[name]);
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

type AssertionFacts = { id: string | undefined; recipients: string[]; notOnOrAfter: Date | null; authnContextClassRef: string | null };

/** What the verified assertion (node-saml's parse of the signed XML) says beyond the profile. */
function assertionFacts(profile: Profile): AssertionFacts {
  type Node = { $?: Record<string, string>; [child: string]: unknown };
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  const subject = (assertion?.Subject as Node[] | undefined)?.[0];
  const data = ((subject?.SubjectConfirmation as Node[] | undefined) ?? [])
    .filter((confirmation) => confirmation.$?.Method === "urn:oasis:names:tc:SAML:2.0:cm:bearer")
    .flatMap((confirmation) => (confirmation.SubjectConfirmationData as Node[] | undefined) ?? []);
  const conditions = (assertion?.Conditions as Node[] | undefined)?.[0];
  const limits = [conditions?.$?.NotOnOrAfter, ...data.map((item) => item.$?.NotOnOrAfter)].filter((value): value is string => Boolean(value)).map((value) => Date.parse(value));
  // How the IdP authenticated the user (e.g. …:ac:classes:MultiFactor), read by an org's MFA requirement.
  const authnContext = ((assertion?.AuthnStatement as Node[] | undefined)?.[0]?.AuthnContext as Node[] | undefined)?.[0];
  const classRefNode = (authnContext?.AuthnContextClassRef as unknown[] | undefined)?.[0];
  const classRef = typeof classRefNode === "string" ? classRefNode : (classRefNode as { _?: unknown } | undefined)?._;
  const latest = limits.filter((value) => !Number.isNaN(value)).sort((a, b) => b - a)[0];
  return {
    id: assertion?.$?.ID,
    recipients: data.map((item) => item.$?.Recipient).filter((value): value is string => Boolean(value)),
    notOnOrAfter: latest === undefined ? null : new Date(latest + CLOCK_SKEW_MS),
    authnContextClassRef: typeof classRef === "string" ? classRef.trim().slice(0, 255) : null,
  };
}

/** The outer Response's Destination and whether it carried an EncryptedAssertion. */
function envelopeFacts(samlResponse: string): { destination: string | null; encrypted: boolean } {
  const doc = new DOMParser().parseFromString(Buffer.from(samlResponse, "base64").toString("utf8"), "text/xml");
  const destination = (xpath.select("string(/*[local-name()='Response']/@Destination)", doc as unknown as Node) as string) || null;
  const encrypted = (xpath.select("/*[local-name()='Response']/*[local-name()='EncryptedAssertion']", doc as unknown as Node) as Node[]).length === 1;
  return { destination, encrypted };
}

type Refusal = { reason: string; userId?: string | null; redirectTo?: string };

async function validatedProfile(connection: SamlConnectionRow, samlResponse: string): Promise<{ profile: Profile; facts: AssertionFacts } | { refusal: Refusal }> {
  const sp = await serviceProvider(connection);
  let profile: Profile | null;
  try {
    profile = (await sp.validatePostResponseAsync({ SAMLResponse: samlResponse })).profile;
  } catch (error) {
    logger.warn({ connectionId: connection.id, reason: (error as Error).message?.slice(0, 200) }, "SAML response refused");
    return { refusal: { reason: "SamlResponseInvalid" } };
  }
  if (!profile) return { refusal: { reason: "SamlResponseInvalid" } };
  const acsUrl = spUrls(connection.id).acsUrl;
  const facts = assertionFacts(profile);
  const envelope = envelopeFacts(samlResponse);
  // node-saml checks idpIssuer only on other bindings: the assertion's Issuer is checked here.
  if (profile.issuer !== connection.idpEntityId) {
    logger.warn({ connectionId: connection.id }, "SAML response refused: issued by another entity");
    return { refusal: { reason: "SamlResponseInvalid" } };
  }
  if (!facts.id || !facts.recipients.includes(acsUrl) || (envelope.destination !== null && envelope.destination !== acsUrl)) {
    logger.warn({ connectionId: connection.id }, "SAML response refused: not addressed to this ACS");
    return { refusal: { reason: "SamlResponseInvalid" } };
  }
  if (connection.requireEncryptedAssertions && !envelope.encrypted) return { refusal: { reason: "SamlAssertionNotEncrypted" } };
  if (!(await claimAssertionId(connection.id, facts.id, facts.notOnOrAfter))) return { refusal: { reason: "SamlResponseReplayed" } };
  return { profile, facts };
}

const MAX_FORM_BYTES = 512 * 1024;

export type AcsForm = { samlResponse: string; relayState: string | null };

/**
 * The IdP's form post, or null when it is not one Bastion can use: another media type,
 * no SAMLResponse, or over 512 KiB (the ACS then refuses like any invalid response).
 */
export async function readAcsForm(request: Request): Promise<AcsForm | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) return null;
  let raw: Buffer;
  try {
    raw = await readRawBody(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLarge) return null;
    throw error;
  }
  const form = new URLSearchParams(raw.toString("utf8"));
  const samlResponse = form.get("SAMLResponse");
  return samlResponse ? { samlResponse, relayState: form.get("RelayState") } : null;
}

export async function consumeSamlResponse(input: { connectionId: string; form: AcsForm | null; request: Request; requestId: string }): Promise<SamlOutcome> {
  const meta = requestMeta(input.request);
  const connection = await findActiveSamlConnection(input.connectionId);
  const refuse = async (refusal: Refusal): Promise<SamlOutcome> => {
    await recordAudit(getDb(), {
      action: "auth.sign_in_failed",
      actorId: refusal.userId ?? null,
      orgId: connection?.orgId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: input.requestId,
      metadata: { method: "saml", reason: refusal.reason },
    });
    return { redirectTo: refusal.redirectTo ?? `/auth-error?error=${refusal.reason}` };
  };
  if (!connection) return refuse({ reason: "SsoNotConfigured" });
  if (!input.form) return refuse({ reason: "SamlResponseInvalid" });

  const validated = await validatedProfile(connection, input.form.samlResponse);
  if ("refusal" in validated) return refuse(validated.refusal);
  const { profile, facts } = validated;

  const nameId = profile.nameID;
  const email = (attribute(profile, EMAIL_ATTRIBUTES) ?? (nameId?.includes("@") ? nameId : undefined))?.toLowerCase();
  if (!nameId || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) return refuse({ reason: "SsoEmailMissing" });

  const db = getDb();
  const requirement = await ssoRequirementFor(email);
  if (requirement && requirement.orgSlug !== connection.org.slug) return refuse({ reason: "SsoRequiredElsewhere", redirectTo: requirement.signInPath });

  const provider = samlProviderId(connection.id);
  const linked = await db.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId: nameId } }, select: { user: { select: { id: true, deactivatedAt: true } } } });
  const existing = linked?.user ?? (await db.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } }));
  if (existing?.deactivatedAt) return refuse({ reason: "AccountDeactivated", userId: existing.id });
  const verifiedDomain = Boolean(await db.orgDomain.findFirst({ where: { orgId: connection.orgId, domain: emailDomain(email), verifiedAt: { not: null } }, select: { id: true } }));
  if (!linked) {
    // An existing account is joined only on a domain the org proved it owns; the opt-out
    // lets an org bring in addresses elsewhere, but only as new accounts.
    if (existing && !verifiedDomain) return refuse({ reason: "SsoAccountNotLinked", userId: existing.id });
    if (!existing && !verifiedDomain && !connection.allowUnverifiedDomains) return refuse({ reason: "SsoDomainNotVerified" });
  }

  const name = attribute(profile, NAME_ATTRIBUTES) ?? null;
  const { setCookie, userId, newUser, member } = await db.$transaction(async (tx) => {
    const user = existing ?? (await tx.user.create({ data: { email, name, emailVerified: verifiedDomain ? new Date() : null }, select: { id: true } }));
    if (!linked) await tx.account.create({ data: { userId: user.id, type: "saml", provider, providerAccountId: nameId } });
    const membership = await applySsoMembership(tx, { orgId: connection.orgId, userId: user.id, claims: profile.attributes as Record<string, unknown> | undefined, via: "saml", ip: meta.ip, userAgent: meta.userAgent, requestId: input.requestId });
    const session = await startSession(tx, input.request, user.id, "sso", connection.id, { amr: [], acr: facts.authnContextClassRef });
    await recordAudit(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      orgId: connection.orgId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: input.requestId,
      metadata: { method: "sso", provider: "saml", newUser: !existing },
    });
    return { setCookie: session.setCookie, userId: user.id, newUser: !existing, member: membership.role !== null };
  });
  logger.info({ userId, orgId: connection.orgId, newUser }, "SAML sign-in");
  // Without a RelayState: into the org, or (no membership: JIT is off and no invitation
  // was accepted yet) to the orgs page, which says why there is no org to open.
  return { setCookie, redirectTo: safeRedirectPath(input.form.relayState, member ? `/orgs/${connection.org.slug}` : "/orgs?sso=no-membership") };
}
