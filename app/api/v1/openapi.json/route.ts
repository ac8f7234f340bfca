// The REST API's OpenAPI 3.1 document (public: it describes the API, it holds no data).
import { openApiDocument } from "@/server/api/openapi-document";
import { publicUrl } from "@/server/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(publicUrl()));
}
