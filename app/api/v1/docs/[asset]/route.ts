// Swagger UI's script and stylesheet for the API reference, from the installed swagger-ui-dist package.
import { apiReferenceAsset } from "@/server/http/api-reference-page";

export async function GET(_req: Request, ctx: { params: Promise<{ asset: string }> }) {
  return apiReferenceAsset((await ctx.params).asset);
}
