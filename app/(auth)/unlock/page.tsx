import type { Metadata } from "next";
import { LinkStatus } from "@/components/auth/link-status";

export const metadata: Metadata = { title: "Unlock your account" };

export default function UnlockPage() {
  return (
    <LinkStatus
      title="Unlock your account"
      endpoint="/api/v1/auth/unlock"
      pending="Unlocking your account…"
      success="Your account is unlocked. You can sign in again."
    />
  );
}
