// The modal dialog's focus handling: focus moves inside and stays there, Esc closes, focus returns to the opener.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openNav, signIn } from "./helpers";

const focusIsInside = (page: Page, dialog: Locator) => dialog.evaluate((el) => el.contains(document.activeElement));

test("a dialog takes focus, keeps it while tabbing, closes on Esc and gives focus back to its opener", async ({
  page,
}) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "Clouds");
  const opener = page.getByRole("button", { name: "Add cloud" }).first();
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Add a cloud" });
  await expect(dialog).toBeVisible();
  expect(await focusIsInside(page, dialog)).toBe(true);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await focusIsInside(page, dialog)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("a confirmation focuses Cancel first, and Esc cancels back to the row's button", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "Clouds");
  const opener = page.getByRole("button", { name: "Delete cloud aws-us-east-1" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: /aws-us-east-1/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByRole("cell", { name: "aws-us-east-1", exact: true })).toBeVisible();
});
