// Invites: an admin gets a single-use link; the invited person signs up, comes back to the link and accepts.
// Signing up alone joins nothing, and the link does not work twice.
import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

test("an invited person joins through the invite link, once", async ({ page, browser }) => {
  await signIn(page, "ADMIN");
  await openNav(page, "Members");
  const email = `${unique("invitee")}@example.test`;
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("OPERATOR");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const box = page.getByTestId("invite-link");
  await expect(box).toContainText(`Invite link for ${email}`);
  const link = await box.getByRole("textbox").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("listitem").filter({ hasText: `${email} · Operator · expires` })).toBeVisible();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "Join the team Demo" })).toBeVisible();
  await invitee.getByRole("link", { name: "Create an account, then accept" }).click();
  await invitee.getByLabel("Name").fill("Ivy Invitee");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill("ivy-password-123");
  await invitee.getByRole("button", { name: "Create account", exact: true }).click();
  // Back on the invite page, signed in: nothing joined yet until Accept.
  await expect(invitee.getByText(`You are signed in as ${email}.`)).toBeVisible();
  await invitee.getByRole("button", { name: "Accept and join" }).click();
  await expect(invitee.getByRole("heading", { name: "Overview" })).toBeVisible();

  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText("This invite link was already used")).toBeVisible();

  // The admin sees the join in the team's audit log.
  await openNav(page, "Audit log");
  await page.getByLabel("Search actions").fill("team.join");
  await expect(page.getByRole("cell", { name: email }).first()).toBeVisible();
});
