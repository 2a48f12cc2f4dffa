"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { apiFetch, type ApiError } from "@/lib/api-client";
import { fetchMembers } from "@/lib/members/queries";
import { fetchTransfer, orgKeys } from "@/lib/orgs/queries";

type Props = { slug: string; userId: string; isOwner: boolean };

/** Leaving, ownership transfer (offer and accept) and deletion. */
export function DangerZone({ slug, userId, isOwner }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [transferEmail, setTransferEmail] = useState("");
  const toast = useToast();
  const confirm = useConfirm();
  const transfer = useQuery({ queryKey: orgKeys.transfer(slug), queryFn: () => fetchTransfer(slug) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.transfer(slug) });

  const leave = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/leave`, { method: "POST" }),
    onSuccess: () => {
      toast({ title: "You left the organization", variant: "success" });
      router.push("/orgs");
    },
  });
  const offer = useMutation<unknown, ApiError>({
    mutationFn: async () => {
      const match = (await fetchMembers(slug, transferEmail.trim())).items.find((member) => member.email === transferEmail.trim().toLowerCase());
      if (!match) throw Object.assign(new Error("No member with that email address"), { status: 404, code: "not_found" }) as ApiError;
      return apiFetch(`/api/v1/orgs/${slug}/ownership-transfer`, { body: { toUserId: match.userId } });
    },
    onSuccess: () => {
      toast({ title: "Ownership offered", description: `We told ${transferEmail.trim()} by email; the offer lasts 7 days.`, variant: "success" });
      setTransferEmail("");
      void refresh();
    },
  });
  const accept = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/ownership-transfer/accept`, { method: "POST" }),
    onSuccess: () => {
      toast({ title: "You are now the owner", variant: "success" });
      router.refresh();
    },
  });
  const cancel = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}/ownership-transfer`, { method: "DELETE" }),
    onSuccess: () => {
      toast({ title: "Ownership offer cancelled", variant: "success" });
      void refresh();
    },
  });
  const remove = useMutation<unknown, ApiError>({
    mutationFn: () => apiFetch(`/api/v1/orgs/${slug}`, { method: "DELETE", body: { confirmation: slug } }),
    onSuccess: () => {
      toast({ title: "Organization deleted", description: "Everything in it is deleted for good after 30 days.", variant: "success" });
      router.push("/orgs");
    },
  });

  async function confirmLeave() {
    const confirmed = await confirm({
      title: "Leave this organization?",
      description: "You lose access at once; an admin has to invite you again to come back.",
      confirmLabel: "Leave organization",
      typedConfirmation: slug,
    });
    if (confirmed) leave.mutate();
  }

  async function confirmDelete() {
    const confirmed = await confirm({
      title: "Delete this organization?",
      description: "Members lose access at once, and its secrets, keys and history are deleted for good after 30 days.",
      confirmLabel: "Delete organization",
      typedConfirmation: slug,
    });
    if (confirmed) remove.mutate();
  }
  const error = leave.error ?? offer.error ?? accept.error ?? cancel.error ?? remove.error;
  const pending = transfer.data?.pending;

  return (
    <div id="ownership" className="flex flex-col gap-4">
      {error && <Alert variant="error">{error.message}</Alert>}
      {pending?.toUserId === userId && (
        <Alert>
          You have been offered ownership of this organization.{" "}
          <Button size="sm" onClick={() => accept.mutate()}>
            Accept ownership
          </Button>
        </Alert>
      )}
      {/* One row per action, what it does on the left and its button on the right (GitHub's danger zone). */}
      <div className="divide-y divide-border">
        {isOwner && (
          <DangerRow title="Transfer ownership" description={pending ? `An offer is waiting for acceptance until ${new Date(pending.expiresAt).toLocaleDateString()}.` : "Offer this organization to another member. They become its owner once they accept."}>
            {pending ? (
              <Button size="sm" variant="outline" onClick={() => cancel.mutate()}>
                Cancel offer
              </Button>
            ) : (
              <form
                className="flex w-full gap-2 sm:w-auto"
                onSubmit={(event) => {
                  event.preventDefault();
                  offer.mutate();
                }}
              >
                <Input aria-label="New owner's email" placeholder="member@example.com" className="min-w-0 flex-1 sm:w-56 sm:flex-none" value={transferEmail} onChange={(event) => setTransferEmail(event.target.value)} required />
                <Button type="submit" variant="outline">
                  Offer ownership
                </Button>
              </form>
            )}
          </DangerRow>
        )}
        <DangerRow title="Leave this organization" description="You lose access at once; an admin has to invite you again to come back.">
          <Button variant="outline" onClick={() => void confirmLeave()}>
            Leave organization
          </Button>
        </DangerRow>
        {isOwner && (
          <DangerRow title="Delete this organization" description="Everything in it is deleted for good after 30 days. You will be asked to type its URL name.">
            <Button variant="destructive" disabled={remove.isPending} onClick={() => void confirmDelete()}>
              Delete organization
            </Button>
          </DangerRow>
        )}
      </div>
    </div>
  );
}

function DangerRow({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between sm:gap-6">
      <div className="flex min-w-0 flex-col gap-1">
        <h3 className="text-sm font-medium">{title}</h3>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="flex shrink-0">{children}</div>
    </section>
  );
}
