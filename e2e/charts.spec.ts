import { expect, test } from "@playwright/test";
import { openNav, signIn } from "./helpers";

test("the deployment charts show data from Prometheus, and live mode adds points", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "VIEWER");
  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "credit-risk", exact: true }).first().click();
  const latency = page.getByRole("figure", { name: "Latency (ms)" });
  await expect(latency).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  const before = Number(await latency.getAttribute("data-points"));
  expect(before).toBeGreaterThan(10);
  await expect(page.getByRole("figure", { name: "Requests per second" })).toHaveAttribute("data-state", "ready");

  await page.getByRole("radio", { name: "15 min" }).first().check();
  await expect(page).toHaveURL(/range=15m/);
  await page.getByRole("button", { name: /Live/ }).first().click();
  await expect(page).toHaveURL(/live=1/);
  const start = await latency.getAttribute("data-last-timestamp");
  await expect.poll(async () => latency.getAttribute("data-last-timestamp"), { timeout: 45_000 }).not.toBe(start);
});
