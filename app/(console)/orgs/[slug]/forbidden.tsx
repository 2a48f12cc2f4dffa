import { ForbiddenView } from "@/components/console/forbidden-view";

// Rendered inside the org's console layout when a page calls forbidden() (HTTP 403).
export default function OrgForbidden() {
  return <ForbiddenView />;
}
