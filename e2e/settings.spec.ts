// Team settings: an admin sets the outgoing webhook (refused for a metadata address, secret write-only);
// operators tune the GPU equivalence table; a viewer reads it.
import { expect, test } from "@playwright/test";
import { openNav, signIn } from "./helpers";

test("an admin sets the team webhook; a metadata address is refused with the reason", async ({ page }) => {
  await signIn(page, "ADMIN");
  await openNav(page, "Settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByText("No webhook yet")).toBeVisible();
  await page.getByLabel("URL").fill("not a url");
  await expect(page.getByText("the webhook URL must be an http(s) URL")).toBeVisible();
  await page.getByLabel("URL").fill("http://169.254.169.254/latest/meta-data");
  await page.getByLabel("Signing secret").fill("0123456789abcdef0123");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(page.getByText(/the webhook URL is refused/)).toBeVisible();
  await page.getByLabel("URL").fill("https://hooks.example.com/tern");
  await page.getByRole("button", { name: "Save webhook" }).click();
  await expect(page.getByText(/^Configured, last changed/)).toBeVisible();
  // The secret is never sent back: the field stays empty after a reload.
  await page.reload();
  await expect(page.getByLabel("Signing secret")).toHaveValue("");
  await expect(page.getByLabel("URL")).toHaveValue("https://hooks.example.com/tern");
});

test("an operator changes a GPU type's throughput; a viewer only reads the table", async ({ page, browser }) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "Settings");
  await expect(page.getByText("Only team admins can see and change the webhook.")).toBeVisible();
  const l4 = page.getByLabel("L4", { exact: true });
  await l4.fill("-1");
  await expect(page.getByText("throughput must be above 0 (A100 = 1.0)")).toBeVisible();
  await l4.fill("0.4");
  await page.getByRole("listitem").filter({ has: l4 }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("L4 set to 0.4")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.getByLabel("L4", { exact: true }) })).toContainText("this team");

  const viewer = await browser.newPage();
  await signIn(viewer, "VIEWER");
  await openNav(viewer, "Settings");
  await expect(viewer.getByLabel("L4", { exact: true })).toHaveValue("0.4");
  await expect(viewer.getByLabel("L4", { exact: true })).toBeDisabled();
  await viewer.close();
});
