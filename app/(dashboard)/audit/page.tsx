import { Suspense } from "react";
import { AuditPage } from "@/components/audit/AuditPage";

export const metadata = { title: "Audit log" };

export default function Page() {
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
