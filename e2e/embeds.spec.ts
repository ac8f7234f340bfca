import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

test("share a live chart with a wiki, read it without an account, revoke it", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  await signIn(page, "OPERATOR");
  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "credit-risk", exact: true }).first().click();
  await page.getByRole("button", { name: "Embed chart" }).click();
  const title = unique("wiki-latency");
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: /^Chart/ }).selectOption("latency");
  await dialog.getByRole("combobox", { name: /^Period/ }).selectOption({ label: "1 hour" });
  await dialog.getByRole("textbox", { name: "Title" }).fill(title);
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText(/shown only once/)).toBeVisible();
  const iframe = (await page.getByRole("dialog").locator("pre").first().textContent()) ?? "";
  const pageUrl = /src="([^"]+)"/.exec(iframe)?.[1] ?? "";
  expect(pageUrl).toMatch(/\/embed\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();

  // A wiki reader: no session, no cookies.
  const reader = await browser.newContext();
  const wiki = await reader.newPage();
  const res = await wiki.goto(pageUrl);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(res?.headers()["x-frame-options"]).toBeUndefined();
  await expect(wiki.getByText(`${title} (ms)`, { exact: true })).toBeVisible();
  await expect(wiki.getByText("Live, updated")).toBeVisible();
  await expect(wiki.locator("a, button, form")).toHaveCount(0);
  const image = await request.get(`${pageUrl.replace("/embed/", "/api/embed/")}/svg`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/svg+xml");

  await page.goto("/settings/embeds");
  await page.getByRole("button", { name: `Revoke embed link ${title}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("Embed link revoked")).toBeVisible();

  const gone = await wiki.goto(pageUrl);
  expect(gone?.status()).toBe(404);
  await expect(wiki.getByText("This chart is not available")).toBeVisible();
  await reader.close();
});
