"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useRevokeSession, useRevokeSessions, useSessions } from "@/lib/account/queries";
import type { SessionView } from "@/lib/account/types";
import { FormStatus, LocalTime } from "./form-status";

const METHOD_LABEL: Record<string, string> = { password: "password", magic_link: "email link", sso: "single sign-on" };

/** After this browser's own session ends, the sign-in page is the only place left to go. */
function toSignIn() {
  window.location.assign("/sign-in?next=/account");
}

export function SessionsSection({ initialSessions }: { initialSessions: SessionView[] }) {
  const { data: sessions = [] } = useSessions(initialSessions);
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeSessions("others");
  const revokeAll = useRevokeSessions("all");
  const toast = useToast();
  const confirm = useConfirm();
  const others = sessions.filter((session) => !session.current).length;

  function revokeOne(session: SessionView) {
    revoke.mutate(session.id, {
      onSuccess: (result) => (result.current ? toSignIn() : toast({ title: "Session revoked", description: `${session.device} is signed out on its next request.`, variant: "success" })),
    });
  }

  async function signOutEverywhere() {
    const confirmed = await confirm({
      title: "Sign out everywhere?",
      description: "Every browser signed in to your account is signed out, this one included.",
      confirmLabel: "Sign out everywhere",
    });
    if (confirmed) revokeAll.mutate(undefined, { onSuccess: toSignIn });
  }

  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader>
        <CardTitle id="sessions-title">Active sessions</CardTitle>
        <CardDescription>Browsers signed in to your account. Revoking one signs it out on its next request.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ul className="divide-y divide-border rounded-md border border-border" aria-label="Active sessions">
          {sessions.map((session) => (
            <li key={session.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm" data-testid="session-row">
              <div className="flex min-w-0 flex-col gap-0.5">
                <span className="font-medium">
                  {session.device}
                  {session.current ? <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs font-normal">This device</span> : null}
                </span>
                <span className="text-muted-foreground">
                  {session.ipAddress ?? "Unknown IP"} · signed in with {METHOD_LABEL[session.method] ?? session.method} · last seen{" "}
                  <LocalTime value={session.lastSeenAt} />
                </span>
              </div>
              <Button
                variant="outline"
                size="sm"
                disabled={revoke.isPending}
                onClick={() => revokeOne(session)}
                aria-label={session.current ? "Sign out this device" : `Revoke ${session.device} session`}
              >
                {session.current ? "Sign out" : "Revoke"}
              </Button>
            </li>
          ))}
        </ul>
        <FormStatus error={revoke.error ?? revokeOthers.error ?? revokeAll.error} />
        <div className="flex flex-wrap gap-3">
          <Button variant="outline" disabled={others === 0 || revokeOthers.isPending} onClick={() =>
              revokeOthers.mutate(undefined, {
                onSuccess: ({ revoked }) => toast({ title: `Signed out ${revoked} other ${revoked === 1 ? "session" : "sessions"}`, variant: "success" }),
              })
            }>
            Sign out other sessions
          </Button>
          <Button variant="destructive" disabled={revokeAll.isPending} onClick={() => void signOutEverywhere()}>
            Sign out everywhere
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
