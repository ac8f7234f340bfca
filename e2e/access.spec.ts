import { expect, test } from "@playwright/test";
import { openNav, signIn } from "./helpers";

test("a viewer sees no create buttons, and a forged request from the viewer is refused", async ({ page }) => {
  await signIn(page, "VIEWER");
  await openNav(page, "Clouds");
  await expect(page.getByRole("cell", { name: "aws-us-east-1", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add cloud" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete cloud/ })).toHaveCount(0);
  await openNav(page, "Clusters");
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import cluster" })).toHaveCount(0);

  // The same request the operator's form sends, forged from the viewer's own session.
  const forged = await page.evaluate(async () => {
    const res = await fetch("/api/trpc/cloud.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { provider: "AWS", name: "forged-by-viewer" } }),
    });
    return { status: res.status, body: await res.text() };
  });
  expect(forged.status).toBe(403);
  expect(forged.body).toContain("FORBIDDEN");
  await page.reload();
  await openNav(page, "Clouds");
  await expect(page.getByRole("cell", { name: "aws-us-east-1", exact: true })).toBeVisible();
  await expect(page.getByText("forged-by-viewer")).toHaveCount(0);
});

test("mutations from another origin or as a form post are refused", async ({ page }) => {
  await signIn(page, "ADMIN");
  const crossSite = await page.request.post("/api/trpc/cloud.create", {
    headers: { origin: "http://evil.example", "content-type": "application/json" },
    data: { json: { provider: "AWS", name: "csrf" } },
  });
  expect(crossSite.status()).toBe(403);
  const formPost = await page.request.post("/api/trpc/cloud.create", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/x-www-form-urlencoded" },
    data: "provider=AWS&name=csrf",
  });
  expect(formPost.status()).toBe(403);
});

test("an admin sees refused access in the audit log", async ({ page }) => {
  await signIn(page, "ADMIN");
  await openNav(page, "Audit log");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Filter by outcome").selectOption("DENIED");
  await expect(page).toHaveURL(/outcome=DENIED/);
  await expect(page.getByRole("cell", { name: "viewer@demo.tern.local" }).first()).toBeVisible();
});

test("the language switch shows Chinese and is remembered", async ({ page }) => {
  await signIn(page, "APPROVER");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});
