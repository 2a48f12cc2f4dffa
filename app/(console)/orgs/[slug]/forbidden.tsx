import { OrgForbiddenView } from "@/components/orgs/mfa-required-context";

// Rendered inside the org's console layout when a page calls forbidden() (HTTP 403): a
// missing permission, or the org's two-factor requirement (the layout says which).
export default function OrgForbidden() {
  return <OrgForbiddenView />;
}
