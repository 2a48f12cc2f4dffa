// An IdP's SAML metadata, from XML the admin pasted or a URL Bastion fetches: its entity
// id, single sign-on URL and signing certificates (two during a rollover).
// No "server-only" marker: the test IdP's own metadata is checked with it.
import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";
import { Invalid } from "../../errors";
import { OutboundAddressRefused } from "../../integrations/outbound/address-policy";
import { environmentDispatcher } from "../../integrations/outbound/guarded-dispatcher";
import { isAcceptableIssuerUrl } from "../schemas";
import { normalizeCertificate } from "./certificates";

export type IdpSettings = { entityId: string; ssoUrl: string; certificates: string[] };

const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const TIMEOUT_MS = 5_000;
const MAX_BYTES = 512 * 1024;

function refuse(reason: string, path = "metadataXml"): never {
  throw new Invalid(`The IdP metadata is not usable: ${reason}`, [{ path, message: reason }]);
}

export function parseIdpMetadata(xml: string): IdpSettings {
  // A DOCTYPE could declare entities: metadata never needs one.
  if (/<!DOCTYPE/i.test(xml)) refuse("a DOCTYPE is not allowed");
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: { error: (message: string) => errors.push(message), fatalError: (message: string) => errors.push(message) } }).parseFromString(xml, "text/xml");
  if (errors.length > 0 || !doc?.documentElement) refuse("it is not well-formed XML");
  const select = (expression: string, node: Node = doc as unknown as Node) => xpath.select(expression, node) as Node[];
  const descriptors = select("//*[local-name()='EntityDescriptor'][*[local-name()='IDPSSODescriptor']]");
  if (descriptors.length !== 1) refuse(descriptors.length === 0 ? "it describes no identity provider" : "it describes several identity providers; paste the one to use");
  const entity = descriptors[0] as Element;
  const entityId = entity.getAttribute("entityID")?.trim();
  if (!entityId) refuse("the EntityDescriptor has no entityID");
  const services = select("./*[local-name()='IDPSSODescriptor']/*[local-name()='SingleSignOnService']", entity) as Element[];
  const service = services.find((element) => element.getAttribute("Binding") === REDIRECT_BINDING) ?? services[0];
  const ssoUrl = service?.getAttribute("Location")?.trim();
  if (!ssoUrl || !URL.canParse(ssoUrl)) refuse("it names no SingleSignOnService location");
  const certificates = select(
    "./*[local-name()='IDPSSODescriptor']/*[local-name()='KeyDescriptor'][not(@use) or @use='signing']//*[local-name()='X509Certificate']",
    entity,
  ).map((node) => normalizeCertificate(node.textContent ?? "", "metadataXml"));
  const unique = [...new Set(certificates)];
  if (unique.length === 0) refuse("it has no signing certificate");
  if (unique.length > 2) refuse("it has more than two signing certificates");
  return { entityId, ssoUrl, certificates: unique };
}

export async function fetchIdpMetadata(url: string): Promise<string> {
  if (!isAcceptableIssuerUrl(url)) refuse("the metadata URL must be https:// (http:// only for localhost)", "metadataUrl");
  let response: Response;
  try {
    // Through the outbound guard, like every call an org admin can aim: an address inside
    // the network (loopback, private, link-local) is refused unless the operator allows it.
    response = await fetch(url, { headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" }, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS), dispatcher: environmentDispatcher() } as RequestInit);
  } catch (error) {
    if ((error as { cause?: unknown }).cause instanceof OutboundAddressRefused) refuse("the metadata URL points inside the network, which this instance does not call", "metadataUrl");
    refuse("the metadata URL could not be reached", "metadataUrl");
  }
  if (!response.ok) refuse(`the metadata URL answered HTTP ${response.status}`, "metadataUrl");
  const body = await response.text();
  if (body.length > MAX_BYTES) refuse("the metadata document is too large", "metadataUrl");
  return body;
}
