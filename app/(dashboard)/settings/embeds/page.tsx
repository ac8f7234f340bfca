import { Suspense } from "react";
import { EmbedLinksPage } from "@/components/embeds/EmbedLinksPage";

export const metadata = { title: "Embed links" };

export default function Page() {
  return (
    <Suspense>
      <EmbedLinksPage />
    </Suspense>
  );
}
