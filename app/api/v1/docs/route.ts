// The REST API reference, rendered by Swagger UI from /api/v1/openapi.json (public, like the document).
import { apiReferencePage } from "@/server/http/api-reference-page";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return apiReferencePage(req);
}
