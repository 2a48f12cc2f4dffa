import { describe, expect, it } from "vitest";
import { assertCanChangeRole, assertCanLeave, assertCanRemove } from "./rules";

const owner = { userId: "o", role: "owner" as const };
const otherOwner = { userId: "o2", role: "owner" as const };
const admin = { userId: "a", role: "admin" as const };
const member = { userId: "m", role: "member" as const };

describe("membership rules", () => {
  it("lets owners and admins manage non-owners", () => {
    expect(() => assertCanChangeRole(admin, member, "billing", 1)).not.toThrow();
    expect(() => assertCanRemove(admin, member, 1)).not.toThrow();
    expect(() => assertCanChangeRole(owner, member, "owner", 1)).not.toThrow();
  });

  it("refuses self role changes and admins touching or making owners", () => {
    expect(() => assertCanChangeRole(admin, admin, "owner", 1)).toThrow("You cannot change your own role");
    expect(() => assertCanChangeRole(admin, member, "owner", 1)).toThrow(/Only an owner/);
    expect(() => assertCanChangeRole(admin, owner, "member", 2)).toThrow(/Only an owner/);
    expect(() => assertCanRemove(admin, owner, 2)).toThrow(/Only an owner can remove an owner/);
  });

  it("protects the last owner", () => {
    expect(() => assertCanChangeRole(otherOwner, owner, "admin", 1)).toThrow(/last owner cannot be demoted/);
    expect(() => assertCanChangeRole(otherOwner, owner, "admin", 2)).not.toThrow();
    expect(() => assertCanRemove(otherOwner, owner, 1)).toThrow(/last owner cannot be removed/);
    expect(() => assertCanLeave(owner, 1)).toThrow(/last owner/);
    expect(() => assertCanLeave(owner, 2)).not.toThrow();
    expect(() => assertCanLeave(member, 1)).not.toThrow();
  });
});
