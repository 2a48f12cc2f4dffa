import type { Metadata } from "next";
import { AcceptInvitation } from "@/components/invitations/accept-invitation";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Invitation" };

export default async function AcceptInvitationPage() {
  const user = await getCurrentUser();
  return <AcceptInvitation signedInAs={user?.email ?? null} />;
}
