import type { Metadata } from "next";
import { LinkStatus } from "@/components/auth/link-status";

export const metadata: Metadata = { title: "Verify your email" };

export default function VerifyEmailPage() {
  return (
    <LinkStatus
      title="Verify your email"
      endpoint="/api/v1/auth/verify-email"
      pending="Verifying your email address…"
      success="Your email address is verified. You can sign in now."
    />
  );
}
