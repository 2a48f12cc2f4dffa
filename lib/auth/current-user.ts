// The signed-in user for server components and pages (route handlers get theirs from
// the pipeline). Same lookup, so a revoked session is refused here too.
import "server-only";
import { cookies } from "next/headers";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./session-cookie";
import { findActiveSession, type ActiveSession } from "./sessions";

export async function getCurrentUser(): Promise<ActiveSession | null> {
  const jar = await cookies();
  const token = jar.get(SECURE_SESSION_COOKIE)?.value ?? jar.get(SESSION_COOKIE)?.value;
  return token ? findActiveSession(token) : null;
}
