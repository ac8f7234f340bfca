import { ApprovalPolicyPage } from "@/components/approvals/ApprovalPolicyForm";

export const metadata = { title: "Approval policy" };

export default function Page() {
  return <ApprovalPolicyPage />;
}
