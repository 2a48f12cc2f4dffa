// Hostile inputs for the identity routes lib/http/fuzz.test.ts reaches beyond the generic
// cases of fuzz-cases.ts: SAML ACS form posts (garbage and non-base64 SAMLResponse, huge
// ones, XML bombs, external entities, wrong content types, RelayState garbage) and SCIM
// requests (bad filters, PATCH operations, resources with wrong shapes, wrong media types).
import { ONE_MB } from "./fuzz-cases";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, index) => `<!ENTITY lol${index + 2} "${`&lol${index + 1};`.repeat(10)}">`).join("") +
  ']><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0">&lol9;</samlp:Response>';
const EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0">&xxe;</samlp:Response>';
const PARAMETER_ENTITY = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]><r/>';
const DEEP_XML = `${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}`;
const RESPONSE_SHELL = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><saml:Issuer>x</saml:Issuer></samlp:Response>';

/** SAMLResponse values (form field text) an attacker or a broken IdP could post. */
export const SAML_RESPONSES: [label: string, value: string][] = [
  ["empty", ""],
  ["not base64", "%%%not base64%%%"],
  ["base64 of garbage", b64("\u0000\u0001garbage\uffff")],
  ["base64 of text", b64("hello")],
  ["base64 of JSON", b64('{"__proto__":{"polluted":true}}')],
  ["truncated XML", b64("<samlp:Response")],
  ["unsigned response shell", b64(RESPONSE_SHELL)],
  ["billion laughs", b64(BILLION_LAUGHS)],
  ["external entity", b64(EXTERNAL_ENTITY)],
  ["parameter entity", b64(PARAMETER_ENTITY)],
  ["10,000 nested elements", b64(DEEP_XML)],
  ["multi-root", b64(`${RESPONSE_SHELL}${RESPONSE_SHELL}`)],
  ["lone surrogate text", "\ud800"],
  ["NUL", "a\u0000b"],
  ["URL-safe base64", b64(RESPONSE_SHELL).replace(/\+/g, "-").replace(/\//g, "_")],
  ["huge (under the limit)", b64("<x>".concat("y".repeat(300_000), "</x>"))],
];

/** RelayState values: open redirects, control characters, huge. */
export const RELAY_STATES = ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/\t/evil.example", "/a\u0000b", "/\ud800", "/%ZZ", "\r\nset-cookie: x=y", "x".repeat(100_000), ""];

/** Whole form posts to the ACS: [label, content type, raw body]. */
export function acsPosts(): [label: string, contentType: string | null, body: string][] {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  return [
    ...SAML_RESPONSES.map(([label, value]): [string, string, string] => [`SAMLResponse ${label}`, "application/x-www-form-urlencoded", form({ SAMLResponse: value })]),
    ...RELAY_STATES.map((relayState): [string, string, string] => [`RelayState ${JSON.stringify(relayState.slice(0, 20))}`, "application/x-www-form-urlencoded", form({ SAMLResponse: b64(RESPONSE_SHELL), RelayState: relayState })]),
    ["no SAMLResponse", "application/x-www-form-urlencoded", form({ RelayState: "/" })],
    ["empty body", "application/x-www-form-urlencoded", ""],
    ["two SAMLResponses", "application/x-www-form-urlencoded", "SAMLResponse=a&SAMLResponse=b"],
    ["bad percent-encoding", "application/x-www-form-urlencoded", "SAMLResponse=%ZZ%&RelayState=%C0%AE"],
    ["over the size limit", "application/x-www-form-urlencoded", form({ SAMLResponse: ONE_MB })],
    ["JSON", "application/json", JSON.stringify({ SAMLResponse: b64(RESPONSE_SHELL) })],
    ["XML", "text/xml", RESPONSE_SHELL],
    ["multipart", "multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="SAMLResponse"\r\n\r\n${b64(RESPONSE_SHELL)}\r\n--x--`],
    ["no content type", null, form({ SAMLResponse: b64(RESPONSE_SHELL) })],
  ];
}

/** Connection ids in the path of every SAML route, as a handler receives them (already decoded). */
export const SAML_CONNECTION_IDS = ["unknown-connection", "\u0000", "a\u0000b", "\ud800", "../../etc/passwd", "%ZZ", "__proto__", "", "x".repeat(10_000)];

/** The SP-initiated sign-in's callbackUrl values (query text, some not valid percent-encoding). */
export const SIGN_IN_QUERIES = ["?callbackUrl=//evil.example", "?callbackUrl=https%3A%2F%2Fevil.example", "?callbackUrl=%00", "?callbackUrl=%ED%A0%80", "?callbackUrl=%ZZ", `?callbackUrl=${"x".repeat(5000)}`, "?callbackUrl=a&callbackUrl=b", "?__proto__=x"];

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...operations: unknown[]) => JSON.stringify({ schemas: [PATCH], Operations: operations });

/** SCIM list filters, valid and not, including ones evaluated in memory. */
export const SCIM_FILTERS = [
  'userName eq "unterminated',
  "userName eq",
  "userName xx \"a\"",
  'emails[type eq "work"].value eq "a@b.test"',
  'emails[type eq "work"',
  'name.givenName co "a" and (title pr or not (active eq true))',
  'meta.created gt "not a date"',
  'userName eq "\\u0000"',
  "((((((((((((((((((((userName pr))))))))))))))))))))",
  `${"not (".repeat(500)}userName pr${")".repeat(500)}`,
  'displayName eq 1e309',
  'externalId eq null',
  '__proto__ eq "x"',
  "userName sw \"%\"",
];

/** SCIM request bodies for POST/PUT (a resource) and PATCH (PatchOp), as raw JSON text. */
export const SCIM_RESOURCE_BODIES: [label: string, body: string][] = [
  ["no userName", JSON.stringify({ emails: [{ value: "a@b.test" }] })],
  ["userName a number", JSON.stringify({ userName: 1 })],
  ["userName an object", JSON.stringify({ userName: { a: 1 } })],
  ["emails a string", JSON.stringify({ userName: "x", emails: "a@b.test" })],
  ["emails [null]", JSON.stringify({ userName: "x", emails: [null] })],
  ["emails value a number", JSON.stringify({ userName: "x", emails: [{ value: 1, type: "work" }] })],
  ["name a string", JSON.stringify({ userName: "a@b.test", name: "x" })],
  ["name parts wrong types", JSON.stringify({ userName: "a@b.test", name: { givenName: 1, familyName: [] } })],
  ["active maybe", JSON.stringify({ userName: "a@b.test", active: "maybe" })],
  ["active an object", JSON.stringify({ userName: "a@b.test", active: {} })],
  ["externalId an array", JSON.stringify({ userName: "a@b.test", externalId: [] })],
  ["displayName an object", JSON.stringify({ displayName: {}, userName: "a@b.test" })],
  ["members a string", JSON.stringify({ displayName: "g", members: "x" })],
  ["members [null, 1, {value: {}}]", JSON.stringify({ displayName: "g", members: [null, 1, { value: {} }] })],
  ["members unknown ids", JSON.stringify({ displayName: "g", members: [{ value: "unknown" }, { value: "../x" }] })],
  ["huge userName", JSON.stringify({ userName: `${"x".repeat(100_000)}@b.test` })],
  ["huge attribute", JSON.stringify({ userName: "a@b.test", title: "x".repeat(500_000) })],
  ["prototype keys", '{"userName":"a@b.test","displayName":"g","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
  ["NUL in an attribute key", JSON.stringify({ userName: "a@b.test", "ti\u0000tle": "x" })],
  ["enterprise extension a string", JSON.stringify({ userName: "a@b.test", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "x" })],
  ["PatchOp body as a resource", patch({ op: "replace", path: "active", value: false })],
];

export const SCIM_PATCH_BODIES: [label: string, body: string][] = [
  ["no Operations", JSON.stringify({ schemas: [PATCH] })],
  ["Operations not a list", JSON.stringify({ schemas: [PATCH], Operations: {} })],
  ["empty Operations", patch()],
  ["unknown op", patch({ op: "move", path: "userName", value: "x" })],
  ["op a number", patch({ op: 1 })],
  ["replace without a value", patch({ op: "replace", path: "userName" })],
  ["remove without a path", patch({ op: "remove" })],
  ["bad path", patch({ op: "replace", path: "emails[type eq", value: "x" })],
  ["path to nothing", patch({ op: "remove", path: 'members[value eq "nobody"]' })],
  ["path with filter on a scalar", patch({ op: "replace", path: 'userName[value eq "x"]', value: "y" })],
  ["replace userName with null", patch({ op: "replace", path: "userName", value: null })],
  ["replace userName with an object", patch({ op: "replace", path: "userName", value: { a: 1 } })],
  ["replace active with maybe", patch({ op: "Replace", path: "active", value: "maybe" })],
  ["replace without a path, value a string", patch({ op: "replace", value: "x" })],
  ["replace without a path, value an array", patch({ op: "replace", value: [1, 2] })],
  ["add members not a list", patch({ op: "add", path: "members", value: "x" })],
  ["add members [null]", patch({ op: "add", path: "members", value: [null] })],
  ["add members with unknown ids", patch({ op: "add", path: "members", value: [{ value: "unknown" }] })],
  ["remove members with garbage filter", patch({ op: "remove", path: "members[value eq" })],
  ["replace displayName with a number", patch({ op: "replace", path: "displayName", value: 1 })],
  ["prototype path", patch({ op: "add", path: "__proto__.polluted", value: true })],
  ["constructor path", patch({ op: "add", path: "constructor.prototype.polluted", value: true })],
  ["prototype value", '{"Operations":[{"op":"add","value":{"__proto__":{"polluted":true}}}]}'],
  ["huge path", patch({ op: "replace", path: "x".repeat(5000), value: 1 })],
  ["1,001 operations", patch(...Array.from({ length: 1001 }, () => ({ op: "replace", path: "displayName", value: "x" })))],
  ["enterprise path", patch({ op: "replace", path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", value: { a: 1 } })],
];

/** Content types a SCIM client should not send with a body. */
export const SCIM_WRONG_CONTENT_TYPES = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""];
