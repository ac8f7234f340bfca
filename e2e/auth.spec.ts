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
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  // Scripts run by nonce only: no 'unsafe-inline', and every script in the page carries this response's nonce.
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["referrer-policy"]).toBeTruthy();
});
