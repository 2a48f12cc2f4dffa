// POST /api/v1/onboarding { name } — a new user sets their display name.
import { completeOnboarding, onboardingInput } from "@/lib/auth/onboarding";
import { requestMeta } from "@/lib/auth/request-meta";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "session", schemas: { body: onboardingInput } }, async ({ actor, body, request, requestId }) => {
  if (actor?.kind !== "user") throw new Error("the pipeline resolved no user");
  return completeOnboarding({ userId: actor.userId, name: body.name, meta: requestMeta(request), requestId });
});
