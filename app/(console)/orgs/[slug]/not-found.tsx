import { NotFoundView } from "@/components/console/not-found-view";

// Rendered inside the org's console layout when a page calls notFound() (a deleted connection, a wrong address).
export default function OrgNotFound() {
  return <NotFoundView />;
}
