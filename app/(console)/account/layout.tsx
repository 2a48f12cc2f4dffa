import type { ReactNode } from "react";
import { PlainPageShell } from "@/components/console/plain-page-shell";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <PlainPageShell title="account">{children}</PlainPageShell>;
}
