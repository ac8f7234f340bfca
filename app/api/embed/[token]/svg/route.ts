// The chart as an SVG image, for wikis that allow only images.
import { getPrisma } from "@/server/db";
import { serveEmbedSvg } from "@/server/services/embeds/serve-embed-svg";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return serveEmbedSvg({ prisma: getPrisma(), token, request });
}
