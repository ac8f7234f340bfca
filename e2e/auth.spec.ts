import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a signed-out visitor is sent to sign in; a wrong password says so", async ({ page }) => {
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("operator@demo.tern.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
});

test("sign in as an operator and sign out again, which ends the session on the server", async ({ page, context }) => {
  await signIn(page, "OPERATOR");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.includes("session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: /Omar Operator/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The old cookie no longer opens a session: the server deleted it.
  await context.addCookies([session!]);
  const res = await page.request.get("/api/trpc/me.session");
  const body = (await res.json()) as { result: { data: { json: { user: unknown } } } };
  expect(body.result.data.json.user).toBeNull();
});

test("security headers forbid framing and sniffing", async ({ request }) => {
  const res = await request.get("/sign-in");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["referrer-policy"]).toBeTruthy();
});
