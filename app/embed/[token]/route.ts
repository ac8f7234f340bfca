// The framable chart page for wikis. A route handler rather than a page: it sets its own per-team CSP
// (frame-ancestors) and ships none of the app's scripts, session or providers.
import { getPrisma } from "@/server/db";
import { serveEmbedPage } from "@/server/services/embeds/serve-embed-page";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return serveEmbedPage({ prisma: getPrisma(), token, request });
}
