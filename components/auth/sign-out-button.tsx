import { Button } from "@/components/ui/button";

/**
 * Ends this browser's session, then shows the sign-in page. A plain form post: it works
 * before (and without) JavaScript, and the server answers it with a redirect.
 */
export function SignOutButton() {
  return (
    <form method="post" action="/api/v1/auth/sign-out">
      <Button type="submit" variant="outline" size="sm" submitsWithoutScript>
        Sign out
      </Button>
    </form>
  );
}
