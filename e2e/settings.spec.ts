// Team settings: an admin sets the outgoing webhook (refused for a metadata address, secret write-only);
// operators tune the GPU equivalence table; a viewer reads it; an operator makes, uses and revokes an API token.
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
  await expect(page.getByRole("listitem").filter({ has: page.getByLabel("L4", { exact: true }) })).toContainText(
    "this team",
  );

  const viewer = await browser.newPage();
  await signIn(viewer, "VIEWER");
  await openNav(viewer, "Settings");
  await expect(viewer.getByLabel("L4", { exact: true })).toHaveValue("0.4");
  await expect(viewer.getByLabel("L4", { exact: true })).toBeDisabled();
  await viewer.close();
});

test("an operator makes an API token, a script uses it with Bearer, and revoking it stops it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "API tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  // Scopes above the operator's role cannot be picked.
  await expect(page.getByLabel("Approve")).toBeDisabled();
  await expect(page.getByLabel("Deploy and scale")).toBeEnabled();
  await page.getByLabel("Name").fill("release pipeline");
  await page.getByLabel("Expires in (days)").fill("0");
  await expect(page.getByText("expiry must be at least 1 day")).toBeVisible();
  await page.getByLabel("Expires in (days)").fill("7");
  await page.getByLabel("Deploy and scale").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^tern_pat_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /release pipeline/ });
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).toContainText("Read, Deploy and scale");

  // A script: no cookie, only the token.
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const list = await script.get(`/api/trpc/model.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(list.status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke release pipeline" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText("Revoked");
  const after = await script.get(`/api/trpc/model.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(after.status()).toBe(401);
  await script.dispose();
});
