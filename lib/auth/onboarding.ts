// Onboarding: a new user (first magic-link or SSO sign-in) chooses the name others see.
import "server-only";
import { z } from "zod";
import { text } from "../validation/text";
import { recordAudit } from "../audit/record";
import { getDb } from "../db";
import type { RequestMeta } from "./request-meta";

export const onboardingInput = z.object({ name: text().trim().min(1, "Enter your name").max(100, "Use at most 100 characters") });

export async function completeOnboarding(input: { userId: string; name: string; meta: RequestMeta; requestId: string }): Promise<{ name: string }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { name: input.name }, select: { name: true } });
    await recordAudit(tx, {
      action: "user.profile_updated",
      actorId: input.userId,
      targetType: "user",
      targetId: input.userId,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent,
      requestId: input.requestId,
      metadata: { fields: ["name"], via: "onboarding" },
    });
    return { name: user.name ?? input.name };
  });
}
