import { ApprovalsInbox } from "@/components/approvals/ApprovalsInbox";

export const metadata = { title: "Approvals" };

export default function Page() {
  return <ApprovalsInbox />;
}
