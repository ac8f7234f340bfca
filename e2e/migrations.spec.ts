// Migrations in the browser: an operator asks to move the demo credit-risk model with a live forecast, an
// approver finds it in the inbox (sidebar count), a reject needs a reason, the requester can never approve,
// a retry goes through approvals again, the full run (worker) reaches Done with all traffic on the target,
// and a move to a cluster whose copy answers differently rolls back with the golden-set diff shown.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { openNav, signIn } from "./helpers";

const KUBECONFIG = path.resolve(".tern-e2e/sim/kubeconfig");
// A second cluster in the source's own cloud (AWS), so the artifact needs no cross-cloud store: the
// simulator's lepton cluster imported again under the AWS cloud. (Demo clouds have no object stores yet.)
const SAME_CLOUD_TARGET = "aws-use1-b";

// The machine running e2e is shared and often loaded; waits here are for the server, not for fixed delays.
const expect = baseExpect.configure({ timeout: 30_000 });

let migrationUrl = "";

async function importSameCloudTarget(page: Page) {
  await page.goto("/clusters/new");
  await page.getByLabel("Cloud").selectOption({ label: "aws-us-east-1 (AWS)" });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(SAME_CLOUD_TARGET);
  await page.getByLabel("Region").fill("us-east-1");
  await page.getByLabel("Residency tags").fill("us");
  await page.getByRole("textbox", { name: "Kubeconfig", exact: true }).fill(readFileSync(KUBECONFIG, "utf8"));
  await page.getByLabel("Context").selectOption("lepton-h100");
  await page.getByRole("button", { name: "Import cluster" }).click();
  await expect(page.getByRole("heading", { name: SAME_CLOUD_TARGET })).toBeVisible({ timeout: 20_000 });
}

async function openMigrateForm(page: Page) {
  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "credit-risk", exact: true }).click();
  await expect(page.getByRole("heading", { name: "credit-risk", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Migrate" }).click();
  await expect(page).toHaveURL(/\/migrations\/new\?deploymentId=/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Migrate a deployment" })).toBeVisible({ timeout: 20_000 });
}

async function pickTarget(page: Page, cluster: string) {
  const select = page.getByLabel("Target cluster");
  await expect(select.locator("option", { hasText: `${cluster} —` }).first()).toBeAttached();
  const label = (await select.locator("option").allTextContents()).find((t) => t.startsWith(`${cluster} `));
  expect(label, `target option for ${cluster}`).toBeTruthy();
  await select.selectOption({ label: label! });
}

/** Approves the migration at `url` as the approver, then the admin, until the policy's count is reached. */
async function approveUntilStarted(browser: Browser, operator: Page, url: string) {
  for (const role of ["APPROVER", "ADMIN"] as const) {
    const p = await browser.newPage();
    await signIn(p, role);
    await p.goto(url);
    const approve = p.getByRole("button", { name: "Approve", exact: true });
    if (await approve.isEnabled()) {
      await approve.click();
      await p.getByRole("dialog").getByRole("button", { name: "Approve plan" }).click();
      await expect(p.getByRole("list", { name: "Decisions" })).toContainText(role === "ADMIN" ? "admin@" : "approver@");
    }
    await p.close();
    if (
      await operator
        .locator(
          '[data-state]:is([data-state="APPROVED"],[data-state="RUNNING"],[data-state="SUCCEEDED"],[data-state="ROLLED_BACK"])',
        )
        .first()
        .isVisible()
    )
      break;
  }
}

/** Injects a fault through the simulated fleet's admin API (its URL is in the fleet manifest). */
async function injectFault(fault: Record<string, unknown>) {
  const fleet = JSON.parse(readFileSync(path.resolve(".tern-e2e/sim/fleet.json"), "utf8")) as {
    admin: { url: string };
  };
  const res = await fetch(`${fleet.admin.url}/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  baseExpect(res.status, await res.text()).toBe(200);
}

const forecast = (page: Page) => page.getByTestId("migration-forecast");
const check = (page: Page, id: string) => forecast(page).locator(`[data-check="${id}"]`);

test.describe.serial("migrations", () => {
  test("an operator opens a demo deployment, clicks Migrate, sees the forecast with its checks and requests it", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await signIn(page, "OPERATOR");
    await importSameCloudTarget(page);
    await openMigrateForm(page);

    // Another cloud: the forecast shows every check, each OK or refused with its message.
    await pickTarget(page, "lepton-h100");
    await expect(forecast(page)).toBeVisible({ timeout: 20_000 });
    await expect(forecast(page).getByRole("table", { name: /Source and target of credit-risk/ })).toContainText(
      "lepton-h100",
    );
    for (const id of ["capacity", "residency", "format", "health", "store", "golden"])
      await expect(check(page, id)).toBeVisible();
    await expect(forecast(page)).toContainText("Cost per month");
    await expect(forecast(page)).toContainText(/approvals? needed/);

    // The same cloud: nothing to copy, and once the new cluster's GPUs are synced every check passes.
    await pickTarget(page, SAME_CLOUD_TARGET);
    await expect(forecast(page).getByRole("table")).toContainText(SAME_CLOUD_TARGET);
    await expect(check(page, "store")).toHaveAttribute("data-ok", "true");
    await expect(check(page, "capacity")).toHaveAttribute("data-ok", "true", { timeout: 45_000 });
    await expect(forecast(page)).toContainText("no copy (same cloud)");

    // Traffic steps are checked as they are typed.
    const steps = page.getByLabel("Traffic steps (%)");
    await steps.fill("50, 10, 100");
    await expect(page.getByText("traffic steps must increase (e.g. 10, 50, 100)")).toBeVisible();
    await steps.fill("10, 50, 100");
    await page.getByLabel("Reason").fill("e2e: move credit-risk to the second AWS cluster");

    const submit = page.getByRole("button", { name: "Request migration" });
    await expect(submit).toBeEnabled({ timeout: 20_000 });
    await submit.click();
    await expect(page).toHaveURL(/\/migrations\/(?!new)[^/?]+$/, { timeout: 30_000 });
    migrationUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "Migration of credit-risk" })).toBeVisible();
    await expect(page.locator('[data-state="PENDING_APPROVAL"]').first()).toHaveText("Pending approval");
    // Same cloud: nothing to copy, so deploy, wait, verify, three traffic steps, drain and finalize.
    await expect(page.getByRole("list", { name: "Migration steps" }).locator(":scope > li")).toHaveCount(8);

    // The requester can never approve their own migration: the buttons are disabled and say why.
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Reject", exact: true })).toBeDisabled();
    await expect(page.getByTestId("why-not-approve")).toHaveText(
      "you requested this migration; another person must approve it",
    );
  });

  test("the approver finds it in the inbox with the sidebar count; rejecting needs a reason", async ({ page }) => {
    expect(migrationUrl, "the first test requested a migration").not.toBe("");
    await signIn(page, "APPROVER");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: /^Approvals\s*,\s*1 waiting$/ })).toBeVisible();
    await nav.getByRole("link", { name: /^Approvals/ }).click();
    await expect(page.getByRole("heading", { name: "Approvals", exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "credit-risk" });
    await expect(row).toContainText(`aws-use1-gpu → ${SAME_CLOUD_TARGET}`);
    await row.getByRole("link", { name: /Review the migration of credit-risk/ }).click();
    await expect(page).toHaveURL(new RegExp(`${migrationUrl}$`));

    // The approver reviews the stored plan and its forecast.
    await expect(forecast(page)).toContainText(SAME_CLOUD_TARGET);
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeEnabled();

    await page.getByRole("button", { name: "Reject", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Reject this migration" });
    await dialog.getByRole("button", { name: "Reject migration" }).click();
    await expect(dialog.getByText("say why you reject it (at least 3 characters)")).toBeVisible();
    await dialog.getByLabel("Reason").fill("no");
    await expect(dialog.getByText("say why you reject it (at least 3 characters)")).toBeVisible();
    await dialog.getByLabel("Reason").fill("the second AWS cluster is reserved this week");
    await dialog.getByRole("button", { name: "Reject migration" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-state="REJECTED"]').first()).toHaveText("Rejected");
    await expect(page.getByRole("list", { name: "Decisions" })).toContainText(
      "the second AWS cluster is reserved this week",
    );
    await expect(page.getByTestId("migration-outcome")).toContainText("rejected by approver@demo.tern.local");

    // The inbox is empty again, and so is the count.
    await openNav(page, "Approvals");
    await expect(page.getByText("Nothing waits for you")).toBeVisible();
  });

  test("the operator retries; the approver approves it once; the operator aborts it", async ({ browser }) => {
    test.setTimeout(120_000);
    const operator = await browser.newPage();
    await signIn(operator, "OPERATOR");
    await operator.goto(migrationUrl);
    await expect(operator.getByText("the second AWS cluster is reserved this week").first()).toBeVisible();
    await operator.getByRole("button", { name: "Retry" }).click();
    await expect(operator).not.toHaveURL(new RegExp(`${migrationUrl}$`), { timeout: 30_000 });
    await expect(operator.locator('[data-state="PENDING_APPROVAL"]').first()).toBeVisible();
    const retryUrl = new URL(operator.url()).pathname;

    const approver = await browser.newPage();
    await signIn(approver, "APPROVER");
    await approver.goto(retryUrl);
    await approver.getByRole("button", { name: "Approve", exact: true }).click();
    await approver.getByRole("dialog").getByRole("button", { name: "Approve plan" }).click();
    await expect(approver.getByRole("list", { name: "Decisions" })).toContainText("approver@demo.tern.local");

    if (await approver.locator('[data-state="PENDING_APPROVAL"]').first().isVisible()) {
      // The cost rise made the policy ask for two approvers: one counts, and approving twice is not offered.
      await expect(approver.getByText("1 of 2 approvals")).toBeVisible();
      await expect(approver.getByTestId("why-not-approve")).toHaveText("you already decided on this plan");
      await expect(approver.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
      // The operator's page follows without a reload; aborting before it starts cancels it.
      await expect(operator.getByText("1 of 2 approvals")).toBeVisible({ timeout: 15_000 });
      await operator.getByRole("button", { name: "Abort" }).click();
      await operator.getByRole("dialog").getByRole("button", { name: "Abort migration" }).click();
      await expect(operator.locator('[data-state="CANCELLED"]').first()).toHaveText("Cancelled", { timeout: 15_000 });
      await expect(operator.getByTestId("migration-outcome")).toContainText("aborted by operator@demo.tern.local");
    } else {
      // One approval was enough: it is approved and the worker takes it; abort rolls it back.
      await expect(
        operator.locator('[data-state]:is([data-state="APPROVED"],[data-state="RUNNING"])').first(),
      ).toBeVisible({ timeout: 15_000 });
      const abort = operator.getByRole("button", { name: "Abort" });
      if (await abort.isVisible()) {
        await abort.click();
        await operator.getByRole("dialog").getByRole("button", { name: "Abort migration" }).click();
      }
      await expect(
        operator
          .locator(
            '[data-state]:is([data-state="CANCELLED"],[data-state="ROLLING_BACK"],[data-state="ROLLED_BACK"],[data-state="FAILED"])',
          )
          .first(),
      ).toBeVisible({
        timeout: 60_000,
      });
    }
    await operator.goto(`/migrations?state=CANCELLED`);
    await expect(operator.getByLabel("Filter by state")).toHaveValue("CANCELLED");
    await expect(operator.getByRole("link", { name: "credit-risk" }).first()).toBeVisible();
    await operator.close();
    await approver.close();
  });

  test("an admin edits the approval policy with validation as they type", async ({ page }) => {
    await signIn(page, "ADMIN");
    await openNav(page, "Approval policy");
    const required = page.getByRole("spinbutton", { name: "Approvers needed", exact: true });
    await expect(required).toHaveValue("1");
    await required.fill("0");
    await expect(page.getByText("at least 1 approver").first()).toBeVisible();
    await required.fill("3");
    await expect(page.getByText("elevated approvals must be at least the normal number")).toBeVisible();
    await required.fill("1");
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Approval policy saved")).toBeVisible();
  });

  // The whole migration against the demo fleet: S3 copy, deploy, verify, one traffic step, drain (a few minutes).
  test("a demo model moves to another cloud: the stepper reaches Done and all traffic is on the target", async ({
    browser,
  }) => {
    test.setTimeout(900_000);
    const operator = await browser.newPage();
    await signIn(operator, "OPERATOR");
    await openMigrateForm(operator);
    await pickTarget(operator, "lepton-h100");
    await operator.getByLabel("Drain grace (s)").fill("5");
    // One step to 100 % with a 40 s window: enough requests for the analysis even at the demo load's low point.
    await operator.getByLabel("Traffic steps (%)").fill("100");
    await operator.getByLabel("Analysis window (s)").fill("40");
    const submit = operator.getByRole("button", { name: "Request migration" });
    await expect(submit).toBeEnabled({ timeout: 45_000 });
    await submit.click();
    await expect(operator.getByRole("heading", { name: "Migration of credit-risk" })).toBeVisible();
    const url = new URL(operator.url()).pathname;

    await approveUntilStarted(browser, operator, url);

    const stepper = operator.getByRole("list", { name: "Migration steps" });
    await expect(stepper.locator('[data-kind="VERIFY"]')).toHaveAttribute("data-status", "SUCCEEDED", {
      timeout: 300_000,
    });
    await expect(
      stepper.locator('[data-kind="VERIFY"]').getByRole("table", { name: /Golden-set comparison/ }),
    ).toBeVisible();
    await expect(operator.locator('[data-state="SUCCEEDED"]').first()).toHaveText("Done", { timeout: 300_000 });
    await expect(stepper.locator('[data-kind="FINALIZE"]')).toHaveAttribute("data-status", "SUCCEEDED");
    // The last traffic step put 100 % on the target.
    await expect(stepper.locator('[data-kind="SHIFT_TRAFFIC"]').last()).toContainText(/lepton-h100\s*100 %/);
    await operator.close();
  });

  test("moving it back to a cluster whose copy answers differently rolls back, with the golden-set diff shown", async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    // The simulator's wrong-outputs fault: the target's answers are off by 0.05, beyond the plan's tolerance.
    await injectFault({
      kind: "wrong-outputs",
      cluster: "aws-use1-gpu",
      namespace: "models",
      deployment: "credit-risk",
      delta: 0.05,
    });
    const operator = await browser.newPage();
    await signIn(operator, "OPERATOR");
    await openMigrateForm(operator);
    await pickTarget(operator, "aws-use1-gpu");
    await operator.getByLabel("Drain grace (s)").fill("5");
    await operator.getByLabel("Traffic steps (%)").fill("100");
    await operator.getByLabel("Analysis window (s)").fill("10");
    const submit = operator.getByRole("button", { name: "Request migration" });
    // The source's autoscaler moves its replica count with the demo load, and the cluster's H100 node may be in use
    // by the other specs' deployments: take the first pool the forecast finds room in (A10G, the one it left, first).
    let fits = false;
    for (const gpu of ["A10G", "H100"]) {
      await operator.getByLabel("Target GPU type").selectOption(gpu);
      fits = await expect(submit)
        .toBeEnabled({ timeout: 25_000 })
        .then(() => true)
        .catch(() => false);
      if (fits) break;
    }
    expect(fits, "a GPU pool on aws-use1-gpu has room for the source's replicas").toBe(true);
    await submit.click();
    await expect(operator.getByRole("heading", { name: "Migration of credit-risk" })).toBeVisible();
    await approveUntilStarted(browser, operator, new URL(operator.url()).pathname);

    await expect(operator.locator('[data-state="ROLLED_BACK"]').first()).toHaveText("Rolled back", {
      timeout: 300_000,
    });
    const stepper = operator.getByRole("list", { name: "Migration steps" });
    const verify = stepper.locator('[data-kind="VERIFY"]');
    await expect(verify).toHaveAttribute("data-status", "FAILED");
    await expect(verify).toContainText(/answers differ beyond tolerance/);
    const diff = verify.getByRole("table", { name: /Golden-set comparison/ });
    await expect(diff).toBeVisible();
    await expect(verify).toContainText(/0 matched, [1-9]\d* differ/);
    // Traffic never left the source: no traffic step ran.
    await expect(stepper.locator('[data-kind="SHIFT_TRAFFIC"]').first()).not.toHaveAttribute(
      "data-status",
      "SUCCEEDED",
    );
    await operator.close();
  });
});
