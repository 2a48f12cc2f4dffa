// A SAML identity provider made in the test: its key and certificate are generated per
// run, and its responses are signed with xml-crypto (and encrypted with xml-encryption)
// exactly as real IdPs sign them: exclusive c14n, enveloped signature, RSA-SHA256,
// reference to the element's ID. Helpers also build the attacks of the corpus.
import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { SignedXml } from "xml-crypto";
import { encrypt } from "xml-encryption";
import { certificateBody, selfSignedCertificate, type KeyAndCertificate } from "../sso/saml/certificates";

const C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

export type AssertionOptions = {
  acsUrl: string;
  audience: string;
  nameId: string;
  email?: string;
  groups?: string[];
  inResponseTo?: string;
  /** Seconds from now; defaults -60 and +300. */
  notBefore?: number;
  notOnOrAfter?: number;
  assertionId?: string;
  issuer?: string;
  recipient?: string;
  /** How the IdP says it authenticated the user; defaults to PasswordProtectedTransport (one factor). */
  authnContextClassRef?: string;
};

export type ResponseOptions = AssertionOptions & {
  /** Which element carries a signature. */
  sign?: "assertion" | "response" | "both" | "none";
  /** The SP certificate to encrypt the (signed) assertion to. */
  encryptTo?: string;
  destination?: string;
  responseId?: string;
  /** Sign with this key pair instead of the IdP's current one (rollover, attacker). */
  signer?: KeyAndCertificate;
};

function id(): string {
  return `_${randomBytes(16).toString("hex")}`;
}

function iso(secondsFromNow: number): string {
  return new Date(Date.now() + secondsFromNow * 1000).toISOString();
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function signElement(xml: string, localName: "Assertion" | "Response", signer: KeyAndCertificate): string {
  const signature = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.certificatePem,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: C14N,
  });
  const path = localName === "Response" ? "/*[local-name(.)='Response']" : "//*[local-name(.)='Assertion']";
  signature.addReference({ xpath: path, digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256", transforms: [ENVELOPED, C14N] });
  // The signature goes right after the element's own Issuer, as the schema requires.
  signature.computeSignature(xml, { location: { reference: `${path}/*[local-name(.)='Issuer']`, action: "after" } });
  return signature.getSignedXml();
}

function encryptAssertion(assertionXml: string, certificatePem: string): Promise<string> {
  return new Promise((resolve, reject) => {
    encrypt(
      assertionXml,
      {
        rsa_pub: certificatePem,
        pem: certificatePem,
        encryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
        keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
        disallowEncryptionWithInsecureAlgorithm: true,
      },
      (error, encrypted) => (error ? reject(error) : resolve(`<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${encrypted}</saml:EncryptedAssertion>`)),
    );
  });
}

export class TestSamlIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  keys: KeyAndCertificate;

  constructor(options: { entityId?: string; ssoUrl?: string } = {}) {
    this.entityId = options.entityId ?? `https://idp-${randomBytes(4).toString("hex")}.test/saml`;
    this.ssoUrl = options.ssoUrl ?? "http://127.0.0.1:9/sso";
    this.keys = selfSignedCertificate("Test SAML IdP");
  }

  metadataXml(extraCertificates: string[] = []): string {
    const keyDescriptors = [this.keys.certificatePem, ...extraCertificates]
      .map((pem) => `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
      .join("");
    return `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(this.entityId)}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keyDescriptors}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(this.ssoUrl)}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
  }

  /** An unsigned Assertion element. */
  assertionXml(options: AssertionOptions): string {
    const notBefore = iso(options.notBefore ?? -60);
    const notOnOrAfter = iso(options.notOnOrAfter ?? 300);
    const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : "";
    const attributes = [
      options.email ? `<saml:Attribute Name="email"><saml:AttributeValue>${escapeXml(options.email)}</saml:AttributeValue></saml:Attribute>` : "",
      options.groups?.length ? `<saml:Attribute Name="groups">${options.groups.map((group) => `<saml:AttributeValue>${escapeXml(group)}</saml:AttributeValue>`).join("")}</saml:Attribute>` : "",
    ].join("");
    return (
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${options.assertionId ?? id()}" Version="2.0" IssueInstant="${iso(0)}">` +
      `<saml:Issuer>${escapeXml(options.issuer ?? this.entityId)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escapeXml(options.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient ?? options.acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${iso(0)}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>${escapeXml(options.authnContextClassRef ?? "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
      `</saml:Assertion>`
    );
  }

  signAssertion(assertionXml: string, signer = this.keys): string {
    return signElement(assertionXml, "Assertion", signer);
  }

  /** A Response around `inner` (an assertion, or anything an attack puts there), optionally signed as a whole. */
  wrapResponse(inner: string, options: { inResponseTo?: string; destination?: string; responseId?: string; issuer?: string; signResponse?: boolean; signer?: KeyAndCertificate } = {}): string {
    const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : "";
    const destination = options.destination ? ` Destination="${escapeXml(options.destination)}"` : "";
    const xml =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${options.responseId ?? id()}" Version="2.0" IssueInstant="${iso(0)}"${destination}${inResponseTo}>` +
      `<saml:Issuer>${escapeXml(options.issuer ?? this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      inner +
      `</samlp:Response>`;
    return options.signResponse ? signElement(xml, "Response", options.signer ?? this.keys) : xml;
  }

  /** A complete response XML as a real IdP sends it (assertion signed by default). */
  async responseXml(options: ResponseOptions): Promise<string> {
    const sign = options.sign ?? "assertion";
    const signer = options.signer ?? this.keys;
    let assertion = this.assertionXml(options);
    if (sign === "assertion" || sign === "both") assertion = this.signAssertion(assertion, signer);
    if (options.encryptTo) assertion = await encryptAssertion(assertion, options.encryptTo);
    return this.wrapResponse(assertion, {
      inResponseTo: options.inResponseTo,
      destination: options.destination ?? options.acsUrl,
      responseId: options.responseId,
      signResponse: sign === "response" || sign === "both",
      signer,
    });
  }

  async response(options: ResponseOptions): Promise<string> {
    return encodeResponse(await this.responseXml(options));
  }
}

export function encodeResponse(xml: string): string {
  return Buffer.from(xml, "utf8").toString("base64");
}

/** The ID of the AuthnRequest in an HTTP-Redirect binding URL. */
export function authnRequestId(redirectUrl: string): string {
  const request = new URL(redirectUrl).searchParams.get("SAMLRequest");
  if (!request) throw new Error("no SAMLRequest in the redirect");
  const xml = inflateRawSync(Buffer.from(request, "base64")).toString("utf8");
  const match = /\sID="([^"]+)"/.exec(xml);
  if (!match) throw new Error("the AuthnRequest has no ID");
  return match[1]!;
}
