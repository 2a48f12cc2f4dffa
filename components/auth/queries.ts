// Query keys of the sign-in UI (one factory, no inline keys).
export const authKeys = {
  all: ["auth"] as const,
  providers: () => [...authKeys.all, "providers"] as const,
};
