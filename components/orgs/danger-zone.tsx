"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
    <div id="ownership" className="flex flex-col gap-6">
      {error && <Alert variant="error">{error.message}</Alert>}
      {pending?.toUserId === userId && (
        <Alert>
          You have been offered ownership of this organization.{" "}
          <Button size="sm" onClick={() => accept.mutate()}>
            Accept ownership
          </Button>
        </Alert>
      )}
      {isOwner && (
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">Transfer ownership</h3>
          {pending ? (
            <p className="text-sm text-muted-foreground">
              An offer is waiting for acceptance until {new Date(pending.expiresAt).toLocaleDateString()}.{" "}
              <Button size="sm" variant="ghost" onClick={() => cancel.mutate()}>
                Cancel offer
              </Button>
            </p>
          ) : (
            <form
              className="flex gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                offer.mutate();
              }}
            >
              <Input aria-label="New owner's email" placeholder="member@example.com" value={transferEmail} onChange={(event) => setTransferEmail(event.target.value)} required />
              <Button type="submit" variant="outline">
                Offer ownership
              </Button>
            </form>
          )}
        </section>
      )}
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">Leave this organization</h3>
        <Button variant="outline" className="self-start" onClick={() => void confirmLeave()}>
          Leave organization
        </Button>
      </section>
      {isOwner && (
        <section className="flex flex-col gap-2">
          <h3 className="text-sm font-medium text-destructive">Delete this organization</h3>
          <p className="text-sm text-muted-foreground">Everything in it is deleted for good after 30 days. You will be asked to type its URL name.</p>
          <Button variant="destructive" className="self-start" disabled={remove.isPending} onClick={() => void confirmDelete()}>
            Delete organization
          </Button>
        </section>
      )}
    </div>
  );
}
