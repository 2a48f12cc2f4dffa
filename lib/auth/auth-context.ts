// What the password flows need from the request they serve: where it came from (for
// rate limits, sessions and audit events) and its request id.
import "server-only";
import { sendMail, type Mail } from "../mail/send";
import { requestMeta } from "./request-meta";

export type AuthContext = { request: Request; requestId: string };

export function auditMeta(ctx: AuthContext): { ip: string | null; userAgent: string | null; requestId: string } {
  return { ...requestMeta(ctx.request), requestId: ctx.requestId };
}

/**
 * Sends without making the caller wait: for answers that must look the same whether an
 * email went out or not (unknown addresses get none), so they also take the same time.
 * sendMail logs failures itself.
 */
export function sendWithoutWaiting(mail: Mail): void {
  void sendMail(mail).catch(() => {});
}
