import type { ReactNode } from "react";
import { PlainPageShell } from "@/components/console/plain-page-shell";

export default function ApiReferenceLayout({ children }: { children: ReactNode }) {
  return (
    <PlainPageShell title="API reference" width="max-w-5xl">
      {children}
    </PlainPageShell>
  );
}
