// Recommendations in the browser: the demo fleet is solved by HiGHS in the server's worker thread with real savings
// on a fresh start, the overview shows them, and a what-if re-solves.
import { expect as baseExpect, test } from "@playwright/test";
import { openNav, signIn } from "./helpers";

// The machine running e2e is shared and often loaded; waits here are for the server, not for fixed delays.
const expect = baseExpect.configure({ timeout: 45_000 });

test("the overview shows the savings available on the demo fleet and links to the plan", async ({ page }) => {
  await signIn(page, "VIEWER");
  const tile = page.getByRole("link", { name: /Savings available/ });
  // Solved in the background on the first visit: the tile says "Computing…" until the figure is there.
  await expect(tile.getByTestId("savings-amount")).toHaveText(/^\$[1-9][\d,]*\/month$/);
  await tile.click();
  await expect(page.getByRole("heading", { name: "Recommendations" })).toBeVisible();
});

test("an operator sees the plan for the demo fleet and re-solves it with a what-if", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await openNav(page, "Recommendations");
  await expect(page.getByRole("heading", { name: "Recommendations" })).toBeVisible();
  const info = page.getByText(/choices · solved in \d+ ms/);
  await expect(info).toBeVisible();
  // Real savings with the default options: the demo's latency history covers every pool.
  await expect(page.getByLabel("Allow clusters with unknown latency")).not.toBeChecked();
  await expect(page.getByTestId("savings")).toHaveText(/^\$[1-9][\d,]*$/);
  await expect(page.getByRole("table", { name: "Proposed moves" })).toBeVisible();
  const first = await info.textContent();
  await page.getByLabel("At most this many moves (empty: no limit)").fill("0");
  // A new solve answers: no move is allowed, so none is proposed.
  await expect(info).not.toHaveText(first ?? "");
  await expect(page.getByRole("table", { name: "Proposed moves" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Request no moves" })).toBeVisible();
});
