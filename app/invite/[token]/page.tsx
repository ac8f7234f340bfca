// An invite link: shows the team and role, and lets the invited person accept (after signing in or up).
import { InviteAccept } from "@/components/members/InviteAccept";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invite" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center bg-background p-4">
      <div className="w-full max-w-md">
        <InviteAccept token={token} />
      </div>
    </main>
  );
}
