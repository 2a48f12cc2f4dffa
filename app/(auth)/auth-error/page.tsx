import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { AUTH_ERROR_MESSAGES, authErrorCode } from "@/lib/auth/auth-errors";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).error;
  const code = authErrorCode(typeof raw === "string" ? raw : null);
  const message = AUTH_ERROR_MESSAGES[code];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{message.title}</h1>
      <Alert variant="error" data-error-code={code}>
        {message.text}
      </Alert>
      <div className="flex justify-between text-sm">
        <Link href="/sign-in" className="underline underline-offset-4">
          Back to sign in
        </Link>
        <Link href="/sso" className="underline underline-offset-4">
          Sign in with SSO
        </Link>
      </div>
    </div>
  );
}
