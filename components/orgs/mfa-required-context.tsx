"use client";

// Carries "this member is refused for missing MFA" from the org layout to the org's
// forbidden boundary: the page answers 403 through forbidden(), and the boundary (which
// gets no props) shows why, inside the console frame.
import { createContext, useContext, type ReactNode } from "react";
import { ForbiddenView } from "@/components/console/forbidden-view";
import { MfaRequiredView } from "./mfa-required-view";

const MfaRequiredOrg = createContext<string | null>(null);

export function MfaRequiredProvider({ orgName, children }: { orgName: string; children: ReactNode }) {
  return <MfaRequiredOrg.Provider value={orgName}>{children}</MfaRequiredOrg.Provider>;
}

/** The org's 403: the MFA refusal when the layout said so, otherwise the missing-permission view. */
export function OrgForbiddenView() {
  const mfaRequiredOrg = useContext(MfaRequiredOrg);
  return mfaRequiredOrg ? <MfaRequiredView orgName={mfaRequiredOrg} /> : <ForbiddenView />;
}
