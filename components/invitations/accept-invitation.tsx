"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLinkToken } from "@/components/auth/use-link-token";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiFetch, type ApiError } from "@/lib/api-client";

type Invitation = { status: "valid" | "expired" | "revoked" | "used"; message: string | null; orgName: string; role: string; kind: "email" | "link"; allowedDomains: string[] };

/** Shows what an invitation link offers and lets the signed-in user accept it. */
export function AcceptInvitation({ signedInAs }: { signedInAs: string | null }) {
  const router = useRouter();
  const token = useLinkToken();
  const toast = useToast();
  const invitation = useQuery<Invitation, ApiError>({
    queryKey: ["invitation", token],
    queryFn: () => apiFetch("/api/v1/invitations/lookup", { body: { token } }),
    enabled: Boolean(token),
    retry: false,
  });
  const accept = useMutation<{ orgSlug: string }, ApiError>({
    mutationFn: () => apiFetch("/api/v1/invitations/accept", { body: { token } }),
    onSuccess: ({ orgSlug }) => {
      toast({ title: `You joined ${invitation.data?.orgName ?? "the organization"}`, variant: "success" });
      router.push(`/orgs/${orgSlug}`);
    },
  });

  if (token === null) return <Alert variant="error">This link has no invitation in it. Open the link from your email again.</Alert>;
  if (invitation.error) return <Alert variant="error">{invitation.error.status === 404 ? "This invitation does not exist." : invitation.error.message}</Alert>;
  if (!invitation.data) return <p className="text-sm text-muted-foreground">Opening your invitation…</p>;

  const { data } = invitation;
  // The token leaves the address bar at once; keep it in this page's state for the links below.
  const here = `/invitations/accept#token=${encodeURIComponent(token ?? "")}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Join {data.orgName}</h1>
      <p className="text-sm text-muted-foreground">
        You are invited as <strong>{data.role}</strong>
        {data.kind === "email" ? " (for the email address it was sent to)" : ` (for addresses at ${data.allowedDomains.join(", ")})`}.
      </p>
      {data.status !== "valid" ? (
        <Alert variant="error">{data.message}</Alert>
      ) : signedInAs ? (
        <>
          <p className="text-sm">Signed in as {signedInAs}.</p>
          {accept.error && (
            <Alert variant="error">
              {accept.error.message}
              {accept.error.status === 409 && (accept.error.details as { orgSlug?: string } | undefined)?.orgSlug && (
                <>
                  {" "}
                  <Link className="underline" href={`/orgs/${(accept.error.details as { orgSlug: string }).orgSlug}`}>
                    Open the organization
                  </Link>
                </>
              )}
            </Alert>
          )}
          <Button onClick={() => accept.mutate()} disabled={accept.isPending}>
            Accept invitation
          </Button>
        </>
      ) : (
        <div className="flex flex-col gap-2">
          <Button asChild>
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in to accept</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={`/sign-up?next=${encodeURIComponent(here)}`}>Create an account</Link>
          </Button>
        </div>
      )}
    </div>
  );
}
