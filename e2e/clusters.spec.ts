import { expect, test } from "@playwright/test";
import { EXEC_KUBECONFIG, tokenKubeconfig } from "../server/test/kubeconfig-fixtures";
import { openNav, signIn, unique } from "./helpers";

test("an operator creates a cloud, imports a cluster from a kubeconfig and finds it by search and sort", async ({
  page,
}) => {
  await signIn(page, "OPERATOR");
  const cloudName = unique("e2e-cloud");
  await openNav(page, "Clouds");
  await page.getByRole("button", { name: "Add cloud" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a cloud" });
  await dialog.getByLabel("Provider").selectOption("ALIYUN");
  await dialog.getByLabel("Name").fill("bad name!");
  await expect(dialog.getByText("name may use letters, digits")).toBeVisible();
  await dialog.getByLabel("Name").fill(cloudName);
  await dialog.getByRole("button", { name: "Add cloud" }).click();
  await expect(page.getByRole("cell", { name: cloudName, exact: true })).toBeVisible();

  // A duplicate name is a clear conflict and changes nothing.
  await page.getByRole("button", { name: "Add cloud" }).first().click();
  await dialog.getByLabel("Name").fill(cloudName);
  await dialog.getByRole("button", { name: "Add cloud" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "already exists" })).toContainText(
    `a cloud named '${cloudName}' already exists`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const clusterName = unique("hz-gpu");
  await openNav(page, "Clusters");
  await page.getByRole("link", { name: "Import cluster" }).first().click();
  await page.getByLabel("Cloud").selectOption({ label: `${cloudName} (ALIYUN)` });
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(clusterName);
  await page.getByLabel("Region").fill("cn-hangzhou");
  await page.getByLabel("Residency tags").fill("cn");
  await page.getByRole("textbox", { name: "Kubeconfig", exact: true }).fill(
    tokenKubeconfig({
      server: `https://127.0.0.1:${16443 + Number(process.env.TERN_SIM_PORT_OFFSET ?? 0)}`,
      contextName: "sim-aliyun",
    }),
  );
  await expect(page.getByLabel("Context")).toHaveValue("sim-aliyun");
  await page.getByRole("button", { name: "Import cluster" }).click();
  await expect(page.getByRole("heading", { name: clusterName })).toBeVisible();
  await expect(page.getByText("Encrypted at rest; never shown")).toBeVisible();
  // The token never reaches the browser.
  expect(await page.content()).not.toContain("sim-fixture-token");

  await openNav(page, "Clusters");
  await page.getByLabel("Search clusters").fill("hangzhou");
  await expect(page).toHaveURL(/q=hangzhou/);
  await expect(page.getByRole("link", { name: clusterName })).toBeVisible();
  await page.getByRole("button", { name: "Region" }).click();
  await expect(page).toHaveURL(/sort=region/);
  await expect(page.getByRole("link", { name: clusterName })).toBeVisible();
});

test("a kubeconfig that runs a command is refused with a clear message", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await page.goto("/clusters/new");
  await page.getByRole("textbox", { name: "Kubeconfig", exact: true }).fill(EXEC_KUBECONFIG);
  await expect(page.getByText(/runs a command/).first()).toBeVisible();
});
