import { NotFoundView } from "@/components/console/not-found-view";
import { UserFrame } from "@/components/console/user-frame";

// Replaces Next's built-in 404 page (whose inline <style> element carries no CSP nonce):
// inside the console frame for a signed-in user, a plain page otherwise.
export default function NotFound() {
  return (
    <UserFrame title="Not found">
      <NotFoundView />
    </UserFrame>
  );
}
