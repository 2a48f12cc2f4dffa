// X.509 certificates for SAML: the service provider's own self-signed signing and
// decryption certificate (made once per connection), and the IdP's, checked and
// normalised to PEM whatever way the admin pasted them.
// node:crypto makes the RSA key; node-forge writes the certificate around it (Node has no
// certificate builder). No "server-only" marker: the test IdP uses the same code.
import { X509Certificate, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { Invalid } from "../../errors";

export type KeyAndCertificate = { privateKeyPem: string; certificatePem: string };

export function selfSignedCertificate(commonName: string, validYears = 10): KeyAndCertificate {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: the top bit cleared.
  cert.serialNumber = `0${randomBytes(15).toString("hex")}`;
  const notBefore = new Date(Date.now() - 60_000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + validYears * 365 * 24 * 3600_000);
  const subject = [{ name: "commonName", value: commonName.slice(0, 64) }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  return { privateKeyPem: privateKey, certificatePem: forge.pki.certificateToPem(cert) };
}

/** The base64 body of a PEM certificate (what metadata's <X509Certificate> holds). */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
}

/** A certificate pasted as PEM or bare base64, as PEM; Invalid (422) when it is not one. */
export function normalizeCertificate(input: string, path = "idpCertificates"): string {
  const body = certificateBody(input);
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join("\n") ?? ""}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw new Invalid("The IdP certificate is not a valid X.509 certificate", [{ path, message: "expected a PEM or base64 X.509 certificate" }]);
  }
  return pem;
}

export function certificateSummary(pem: string): { subject: string; notAfter: string; fingerprint256: string } {
  const cert = new X509Certificate(pem);
  return { subject: cert.subject, notAfter: new Date(cert.validTo).toISOString(), fingerprint256: cert.fingerprint256 };
}
