import Link from "next/link";

// Replaces Next's built-in 404 page, whose inline <style> element carries no CSP nonce.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-muted-foreground">This page could not be found.</p>
      <Link href="/" className="text-sm font-medium underline underline-offset-4">
        Back to Bastion
      </Link>
    </main>
  );
}
