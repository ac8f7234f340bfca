// The rendered REST API reference (/api/v1/docs): Swagger UI from the swagger-ui-dist package, served by Tern
// itself (no CDN), its scripts carrying the response's CSP nonce.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

/** The only files of swagger-ui-dist that are served, with their content types. */
export const API_REFERENCE_ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// Read from the installed package at run time (the app always runs from the project directory): bundling a
// 1.5 MB browser bundle into the server build would gain nothing.
const assetDir = () => path.join(process.cwd(), "node_modules", "swagger-ui-dist");

export async function apiReferenceAsset(name: string): Promise<Response> {
  const type = API_REFERENCE_ASSETS[name];
  if (!type) return new Response("not found", { status: 404 });
  const body = await readFile(path.join(assetDir(), name));
  return new Response(new Uint8Array(body), {
    headers: { "content-type": type, "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" },
  });
}

export function apiReferencePage(req: Request): Response {
  // The proxy (proxy.ts) gives every response a nonce and its CSP; without it (tests), the page makes its own.
  const given = req.headers.get("x-nonce");
  const nonce = given ?? newNonce();
  const attr = nonce.replace(/[^A-Za-z0-9+/=]/g, "");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tern API reference</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
<style>body { margin: 0 } .topbar { display: none }</style>
</head>
<body>
<div id="swagger-ui"></div>
<script nonce="${attr}" src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script nonce="${attr}">
window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false,
});
</script>
</body>
</html>
`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  if (!given) headers.set("content-security-policy", contentSecurityPolicy(nonce));
  return new Response(html, { headers });
}
