import { ForbiddenView } from "@/components/console/forbidden-view";
import { UserFrame } from "@/components/console/user-frame";

// Replaces Next's built-in 403 page (whose inline <style> element carries no CSP nonce).
export default function Forbidden() {
  return (
    <UserFrame title="Access refused">
      <ForbiddenView />
    </UserFrame>
  );
}
