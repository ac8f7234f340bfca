import { RecommendationsPanel } from "@/components/recommendations/RecommendationsPanel";

export const metadata = { title: "Recommendations" };

export default function Page() {
  return <RecommendationsPanel />;
}
