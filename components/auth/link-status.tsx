"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch } from "@/lib/api-client";
import { ApiErrorAlert } from "./api-error-alert";
import { signInHrefWithReturnPath } from "./return-path";
import { useLinkToken } from "./use-link-token";

/**
 * A page opened from an emailed link that acts at once (verify email, unlock): posts the
 * link's token to `endpoint` and shows the outcome.
 */
export function LinkStatus({ title, endpoint, pending, success }: { title: string; endpoint: string; pending: string; success: ReactNode }) {
  const token = useLinkToken();
  const consume = useMutation({ mutationFn: (value: string) => apiFetch<object>(endpoint, { body: { token: value } }) });
  const started = useRef(false);
  const { mutate } = consume;
  const [signInHref, setSignInHref] = useState("/sign-in");
  useEffect(() => setSignInHref(signInHrefWithReturnPath()), []);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      {token === null ? <Alert variant="error">This link is incomplete. Open the link from the email again.</Alert> : null}
      {token && (consume.isIdle || consume.isPending) ? <Alert variant="info">{pending}</Alert> : null}
      {consume.isSuccess ? <Alert variant="success">{success}</Alert> : null}
      {consume.isError ? <ApiErrorAlert error={consume.error} /> : null}
      {consume.isSuccess || consume.isError || token === null ? (
        <Link href={signInHref} className="text-sm underline underline-offset-4">
          Go to sign in
        </Link>
      ) : null}
    </div>
  );
}
