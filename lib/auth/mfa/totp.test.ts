import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { matchTotp, newTotpSecret, TOTP_STEP_SECONDS, totpCodeAt, totpStepAt } from "./totp";

const at = (date: Date, steps: number) => new Date(date.getTime() + steps * TOTP_STEP_SECONDS * 1000);

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = new Date("2026-12-04T20:00:10Z");

  it("accepts the code of the current step and of one step either side, not two", () => {
    expect(matchTotp(secret, totpCodeAt(secret, now), now, null)).toBe(totpStepAt(now));
    expect(matchTotp(secret, totpCodeAt(secret, at(now, -1)), now, null)).toBe(totpStepAt(now) - 1);
    expect(matchTotp(secret, totpCodeAt(secret, at(now, 1)), now, null)).toBe(totpStepAt(now) + 1);
    expect(matchTotp(secret, totpCodeAt(secret, at(now, -2)), now, null)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, at(now, 2)), now, null)).toBeNull();
  });

  it("refuses a code whose step is not after the last accepted one (replay), minutes later too", () => {
    const code = totpCodeAt(secret, now);
    const step = matchTotp(secret, code, now, null)!;
    expect(matchTotp(secret, code, now, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, at(now, -1)), now, step)).toBeNull();
    // Time moves on: the next step's code is fine, the old one is long gone.
    const later = at(now, 1);
    expect(matchTotp(secret, totpCodeAt(secret, later), later, step)).toBe(step + 1);
    expect(matchTotp(secret, code, at(now, 10), step)).toBeNull();
  });

  it("refuses malformed codes and another secret's code", () => {
    expect(matchTotp(secret, "12345", now, null)).toBeNull();
    expect(matchTotp(secret, "abcdef", now, null)).toBeNull();
    // Another secret's code matches only by a one-in-a-few-hundred-thousand chance.
    expect(matchTotp(secret, totpCodeAt(newTotpSecret(), now), now, null)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes whose hash ignores case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(hashRecoveryCode(codes[0]!.toLowerCase().replace("-", ""))).toBe(hashRecoveryCode(codes[0]!));
    expect(hashRecoveryCode(codes[0]!)).not.toBe(hashRecoveryCode(codes[1]!));
  });
});
