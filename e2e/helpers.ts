// Shared steps for the end-to-end specs: signing in as a demo user.
import { expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../server/dev-tools/demo/demo-users";
import type { Role } from "../server/domain/values";

export type DemoRole = Role;

export async function signIn(page: Page, role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return user;
}

/** A name no earlier run of the same spec used. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** Follows a link in the sidebar. */
export async function openNav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name, exact: true }).click();
}
