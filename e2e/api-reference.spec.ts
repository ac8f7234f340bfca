// The rendered REST API reference: Swagger UI served by Tern itself under the page CSP, listing every operation.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the API reference renders the OpenAPI document from Tern, with no CSP violation or outside request", async ({
  page,
}) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://localhost:")) outside.push(r.url());
  });

  await signIn(page, "OPERATOR");
  await page.goto("/settings/tokens");
  const link = page.getByRole("link", { name: "API reference" });
  await expect(link).toHaveAttribute("href", "/api/v1/docs");

  const res = await page.goto("/api/v1/docs");
  expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  await expect(page.getByRole("heading", { name: /Tern API/ })).toBeVisible();
  // Operations grouped by tag, with the paths the CLI uses.
  await expect(page.getByText("/deployments/{id}/scale").first()).toBeVisible();
  await expect(page.getByText("/team/apply").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Authorize/ })).toBeVisible();
  expect(problems.filter((p) => /Content Security Policy|Refused to/.test(p))).toEqual([]);
  expect(outside).toEqual([]);
});
