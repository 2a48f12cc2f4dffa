// Bastion as a SAML service provider for one org's connection: its URLs, its metadata,
// and the node-saml instance that makes AuthnRequests and validates responses.
// node-saml (>= 5.1, with xml-crypto >= 6.0.1 pinned through package.json overrides)
// verifies signatures over what it then reads (no signature wrapping), the issuer, the
// audience, InResponseTo, and the validity window; the ACS adds recipient, destination,
// encryption and replay checks (acs.ts).
import { SAML, ValidateInResponseTo, generateServiceProviderMetadata } from "@node-saml/node-saml";
import { appUrl } from "../../env";
import { readSystemSecrets, type SystemScope } from "../../secrets/system-secrets";
import { REQUEST_ID_LIFETIME_MS, requestIdCache } from "./message-ids";

/** Clock skew tolerated between Bastion and the IdP on NotBefore/NotOnOrAfter. */
export const CLOCK_SKEW_MS = 60_000;
const SP_KEY = "spPrivateKey";

export type SamlConnectionRow = {
  id: string;
  orgId: string;
  idpEntityId: string;
  idpSsoUrl: string;
  idpCertificates: string[];
  spCertificate: string;
  requireEncryptedAssertions: boolean;
};

/** The IdP columns as stored: all null/empty while the connection is a draft. */
type StoredIdpColumns = { idpEntityId: string | null; idpSsoUrl: string | null; idpCertificates: string[] };

/** Whether the IdP's settings were saved: a draft (SP details only) is never usable for sign-in or enabling. */
export function hasIdpSettings<T extends StoredIdpColumns>(row: T): row is T & { idpEntityId: string; idpSsoUrl: string } {
  return Boolean(row.idpEntityId && row.idpSsoUrl && row.idpCertificates.length > 0);
}

export function samlSecretScope(connectionId: string): SystemScope {
  return `saml:${connectionId}`;
}

export const SP_PRIVATE_KEY = SP_KEY;

export function spUrls(connectionId: string) {
  const base = `${appUrl()}/api/saml/${connectionId}`;
  return { entityId: `${base}/metadata`, metadataUrl: `${base}/metadata`, acsUrl: `${base}/acs`, signInUrl: `${base}/sign-in` };
}

function samlFor(row: SamlConnectionRow, privateKey: string): SAML {
  const urls = spUrls(row.id);
  return new SAML({
    entryPoint: row.idpSsoUrl,
    issuer: urls.entityId,
    callbackUrl: urls.acsUrl,
    audience: urls.entityId,
    idpCert: row.idpCertificates,
    idpIssuer: row.idpEntityId,
    // At least one of the two signatures is always required by node-saml: a response
    // signed as a whole, or its assertion signed (IdPs differ in which they sign).
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    // The SP key signs AuthnRequests and decrypts encrypted assertions.
    privateKey,
    decryptionPvk: privateKey,
    publicCert: row.spCertificate,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    // IdP-initiated responses carry no InResponseTo; one that does must match a request we made.
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    requestIdExpirationPeriodMs: REQUEST_ID_LIFETIME_MS,
    cacheProvider: requestIdCache(row.id),
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    // Let the IdP choose how to authenticate (MFA, passkeys), not only passwords.
    disableRequestedAuthnContext: true,
  });
}

export async function readSpPrivateKey(row: { id: string; orgId: string }): Promise<string> {
  const values = await readSystemSecrets(row.orgId, samlSecretScope(row.id), [SP_KEY]);
  const key = values[SP_KEY];
  if (!key) throw new Error("the SAML connection has no SP private key");
  return key;
}

export async function serviceProvider(row: SamlConnectionRow): Promise<SAML> {
  return samlFor(row, await readSpPrivateKey(row));
}

/**
 * The SP metadata XML an IdP admin imports: entity id, ACS URL, signing and encryption certificate.
 * Needs no IdP settings, so a draft connection serves it too (Okta and Entra read it before they exist).
 */
export async function spMetadataXml(row: { id: string; orgId: string; spCertificate: string }): Promise<string> {
  const urls = spUrls(row.id);
  const privateKey = await readSpPrivateKey(row);
  return generateServiceProviderMetadata({
    issuer: urls.entityId,
    callbackUrl: urls.acsUrl,
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    wantAssertionsSigned: false,
    privateKey,
    decryptionPvk: privateKey,
    decryptionCert: row.spCertificate,
    publicCerts: row.spCertificate,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
  });
}
