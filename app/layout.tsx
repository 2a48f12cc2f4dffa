import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Telemetry } from "@/components/telemetry/telemetry";
import { browserTelemetry } from "@/lib/telemetry/browser";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Bastion", template: "%s · Bastion" },
  description: "The self-hostable enterprise layer for SaaS products.",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js stamps each response's CSP nonce (proxy.ts)
  // on its scripts, which a page prerendered at build time could not carry.
  await connection();
  const telemetry = await browserTelemetry();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
        <Telemetry config={telemetry} />
      </body>
    </html>
  );
}
