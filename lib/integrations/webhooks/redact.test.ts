// Stored webhook headers keep every name but no credential or signature value.
import { expect, it } from "vitest";
import { REDACTED, redactHeaders } from "./redact";

it("replaces credential, signature and internal header values and keeps the rest as sent", () => {
  const headers = new Headers({
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": "72d3162e",
    "x-hub-signature-256": "sha256=abc",
    "x-hub-signature": "sha1=abc",
    "x-gitlab-token": "glpat-secret",
    "webhook-signature": "v1,abc",
    "linear-signature": "abc",
    "x-slack-signature": "v0=abc",
    authorization: "Bearer t",
    cookie: "session=1",
    "x-bastion-client-ip": "203.0.113.7",
    "x-forwarded-for": "203.0.113.7, 10.0.0.2",
    forwarded: "for=203.0.113.7",
    "x-real-ip": "203.0.113.7",
    "x-custom-api-token": "t",
    "idempotency-key": "k-1",
    "x-slack-request-timestamp": "1531420618",
  });
  expect(redactHeaders(headers)).toEqual({
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": "72d3162e",
    "x-hub-signature-256": REDACTED,
    "x-hub-signature": REDACTED,
    "x-gitlab-token": REDACTED,
    "webhook-signature": REDACTED,
    "linear-signature": REDACTED,
    "x-slack-signature": REDACTED,
    authorization: REDACTED,
    cookie: REDACTED,
    "x-bastion-client-ip": REDACTED,
    "x-forwarded-for": REDACTED,
    forwarded: REDACTED,
    "x-real-ip": REDACTED,
    "x-custom-api-token": REDACTED,
    "idempotency-key": "k-1",
    "x-slack-request-timestamp": "1531420618",
  });
});
