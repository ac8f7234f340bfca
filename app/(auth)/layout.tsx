// Pages for people who are not signed in: a centred card.
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center bg-background p-4">
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
