import { ForbiddenView } from "@/components/console/forbidden-view";

// Replaces Next's built-in 403 page, whose inline <style> element carries no CSP nonce.
export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center px-6">
      <ForbiddenView />
    </main>
  );
}
