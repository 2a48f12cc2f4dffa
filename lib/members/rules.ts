// The membership rules, as pure functions so every path (API, console, tests) applies
// the same ones:
// - nobody changes their own role;
// - only owners touch owners: admins cannot change or remove an owner, nor make one;
// - the last owner cannot be demoted, removed or leave (transfer ownership first).
import type { Role } from "../authz/permissions";
import { Conflict, Forbidden } from "../errors";

type Member = { userId: string; role: Role };

export function assertCanChangeRole(actor: Member, target: Member, newRole: Role, ownerCount: number): void {
  if (actor.userId === target.userId) throw new Forbidden("You cannot change your own role");
  if (actor.role !== "owner" && (target.role === "owner" || newRole === "owner")) {
    throw new Forbidden("Only an owner can change an owner's role or make someone an owner");
  }
  if (target.role === "owner" && newRole !== "owner" && ownerCount <= 1) {
    throw new Conflict("The last owner cannot be demoted; transfer ownership first");
  }
}

export function assertCanRemove(actor: Member, target: Member, ownerCount: number): void {
  if (actor.userId === target.userId) throw new Forbidden("To leave the organization, use Leave");
  if (actor.role !== "owner" && target.role === "owner") throw new Forbidden("Only an owner can remove an owner");
  if (target.role === "owner" && ownerCount <= 1) throw new Conflict("The last owner cannot be removed");
}

export function assertCanLeave(member: Member, ownerCount: number): void {
  if (member.role === "owner" && ownerCount <= 1) {
    throw new Conflict("You are the last owner; transfer ownership or delete the organization first");
  }
}
