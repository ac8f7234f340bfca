import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

test("an operator adds a GPU price and finds it by search and sort", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "GPU prices");
  await expect(page.getByText("Demo data").first()).toBeVisible();
  await page.getByRole("button", { name: "Add price" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add GPU price" });
  await dialog.getByLabel("Provider").selectOption("TENCENT");
  await dialog.getByRole("textbox", { name: "Region", exact: true }).fill("ap-guangzhou");
  await dialog.getByRole("textbox", { name: "GPU type", exact: true }).fill("L20");
  await dialog.getByRole("textbox", { name: "Price per GPU-hour", exact: true }).fill("-2");
  await expect(dialog.getByText("price per GPU-hour must be greater than 0")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Price per GPU-hour", exact: true }).fill("1.95");
  await dialog.getByRole("textbox", { name: "Source", exact: true }).fill("Tencent Cloud list price");
  await dialog.getByLabel("Effective date").fill("2026-11-01");
  await dialog.getByRole("button", { name: "Add price" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("Search GPU prices").fill("guangzhou");
  await expect(page).toHaveURL(/q=guangzhou/);
  await expect(page.getByRole("cell", { name: "L20", exact: true })).toBeVisible();
  await page.getByLabel("Search GPU prices").fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page
    .getByRole("columnheader", { name: /Price per GPU-hour/ })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/sort=pricePerHour/);
});

test("an operator adds a model and a version with a golden set; a bad sha256 is explained", async ({ page }) => {
  await signIn(page, "OPERATOR");
  const name = unique("ranker");
  await openNav(page, "Models");
  await page.getByRole("button", { name: "Add model" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add model" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await dialog.getByRole("textbox", { name: "Task", exact: true }).fill("ranking");
  await dialog.getByRole("textbox", { name: "Framework", exact: true }).fill("XGBoost");
  await dialog.getByRole("button", { name: "Add model" }).click();
  await expect(dialog).toBeHidden();

  await page.getByLabel("Search models").fill(name);
  await expect(page).toHaveURL(new RegExp(`q=${name}`));
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Add version" }).first().click();
  const v = page.getByRole("dialog", { name: "Add model version" });
  await v.getByRole("textbox", { name: "Version", exact: true }).fill("2.1.0");
  await v.getByLabel("Format").selectOption("ONNX");
  await v
    .getByRole("textbox", { name: "Artifact URI", exact: true })
    .fill("sim://gcp-europe-west4/models/ranker/2.1.0/model.onnx");
  await v.getByRole("textbox", { name: "SHA-256", exact: true }).fill("abc123");
  await expect(v.getByText(/sha256 must be exactly 64 hexadecimal characters \(got 6 characters\)/)).toBeVisible();
  await v.getByRole("textbox", { name: "SHA-256", exact: true }).fill("9".repeat(64));
  await v.getByRole("textbox", { name: "Size in bytes", exact: true }).fill("20480");
  await v.getByRole("textbox", { name: "Runtime image", exact: true }).fill("ghcr.io/tern/onnx-server:1.30");
  await v.getByRole("textbox", { name: "Golden set (JSON)", exact: true }).fill('[{"input": [1, 2]}]');
  await expect(v.getByText(/expected/).first()).toBeVisible();
  await v
    .getByRole("textbox", { name: "Golden set (JSON)", exact: true })
    .fill('[{"input": [1, 2], "expected": [0.5]}]');
  await v.getByRole("button", { name: "Add version" }).click();
  await expect(v).toBeHidden();
  await expect(page.getByRole("cell", { name: "2.1.0", exact: true })).toBeVisible();

  await openNav(page, "Models");
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/dir=desc/);
});
