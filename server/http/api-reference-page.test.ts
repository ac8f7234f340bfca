// The API reference page: Swagger UI from the installed package, scripts allowed only by the response's nonce.
import { describe, expect, it } from "vitest";
import { apiReferenceAsset, apiReferencePage } from "./api-reference-page";

describe("API reference page", () => {
  it("loads Swagger UI from Tern itself with the proxy's nonce on every script", async () => {
    const res = apiReferencePage(new Request("http://localhost/api/v1/docs", { headers: { "x-nonce": "abc123==" } }));
    const html = await res.text();
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(html).toContain('url: "/api/v1/openapi.json"');
    const scripts = html.match(/<script[^>]*>/g)!;
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(s).toContain('nonce="abc123=="');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // no CDN
    // The proxy's CSP applies; the page adds none of its own.
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("sets its own nonce'd CSP when no proxy gave one, and escapes what it is given", async () => {
    const res = apiReferencePage(new Request("http://localhost/api/v1/docs"));
    const nonce = /nonce="([^"]+)"/.exec(await res.text())![1]!;
    expect(res.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    const odd = apiReferencePage(
      new Request("http://localhost/api/v1/docs", { headers: { "x-nonce": 'x"><script>alert(1)</script>' } }),
    );
    expect(await odd.text()).not.toContain("alert(1)</script>");
  });

  it("serves the bundle and stylesheet from swagger-ui-dist, and nothing else", async () => {
    const js = await apiReferenceAsset("swagger-ui-bundle.js");
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(await js.text()).toContain("SwaggerUIBundle");
    expect((await apiReferenceAsset("swagger-ui.css")).status).toBe(200);
    expect((await apiReferenceAsset("../package.json")).status).toBe(404);
    expect((await apiReferenceAsset("index.html")).status).toBe(404);
  });
});
