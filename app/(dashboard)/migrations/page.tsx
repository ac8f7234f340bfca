import { Suspense } from "react";
import { MigrationsPage } from "@/components/migrations/MigrationsPage";

export const metadata = { title: "Migrations" };

export default function Page() {
  return (
    <Suspense>
      <MigrationsPage />
    </Suspense>
  );
}
