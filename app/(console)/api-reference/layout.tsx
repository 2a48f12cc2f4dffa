import type { ReactNode } from "react";
import { UserFrame } from "@/components/console/user-frame";

export default function ApiReferenceLayout({ children }: { children: ReactNode }) {
  return <UserFrame title="API reference">{children}</UserFrame>;
}
