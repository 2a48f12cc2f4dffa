"use client";

import { ShieldX } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** The 403 answer of a console page the member's role does not open (rendered by forbidden()). */
export function ForbiddenView() {
  const params = useParams<{ slug?: string }>();
  const slug = typeof params?.slug === "string" ? params.slug : null;
  return (
    <Card className="max-w-xl">
      <CardHeader>
        <ShieldX className="size-5 text-muted-foreground" aria-hidden />
        <h1 className="text-lg font-semibold leading-none tracking-tight">You do not have access to this page</h1>
        <CardDescription>Your role in this organization does not include it. An owner or admin can change your role.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {slug ? (
          <>
            <Link className="font-medium underline underline-offset-4" href={`/orgs/${slug}`}>
              Back to the organization
            </Link>
            <Link className="underline underline-offset-4" href={`/orgs/${slug}/roles`}>
              What each role may do
            </Link>
          </>
        ) : (
          <Link className="font-medium underline underline-offset-4" href="/orgs">
            Your organizations
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
