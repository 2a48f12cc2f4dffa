// Starting a next-auth sign-in from the browser: fetch the CSRF token, POST the sign-in
// form and get back where to go next (the IdP, the "check your email" page, or an SSO
// path when the email's domain requires it).
import { ApiError } from "@/lib/api-client";

export type SignInProviders = Record<string, { id: string; name: string; type: string }>;

export async function fetchSignInProviders(): Promise<SignInProviders> {
  const response = await fetch("/api/auth/providers", { credentials: "same-origin" });
  if (!response.ok) throw new ApiError(response.status, "unknown", "Could not load sign-in options");
  return (await response.json()) as SignInProviders;
}

/** Posts to /api/auth/signin/<providerId> and returns the URL to send the browser to. */
export async function startSignIn(providerId: string, fields: Record<string, string> = {}): Promise<string> {
  const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken: string };
  const response = await fetch(`/api/auth/signin/${encodeURIComponent(providerId)}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: "true" }),
  });
  const data = (await response.json().catch(() => null)) as { url?: string; error?: { code?: string; message?: string } } | null;
  if (!response.ok || !data?.url) {
    throw new ApiError(response.status, data?.error?.code ?? "unknown", data?.error?.message ?? "Sign-in could not start; try again.");
  }
  return data.url;
}
