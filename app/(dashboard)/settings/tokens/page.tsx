import { ApiTokensPage } from "@/components/api-tokens/ApiTokensPage";

export const metadata = { title: "API tokens" };

export default function Page() {
  return <ApiTokensPage />;
}
