import { SectionPage } from "@/components/console/section-page";

export default function Page() {
  return <SectionPage segment="secrets" />;
}
