import type { ReactNode } from "react";
import { UserFrame } from "@/components/console/user-frame";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <UserFrame title="Account" narrow>{children}</UserFrame>;
}
