import path from "node:path";
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

const KUBECONFIG = path.resolve(".tern-e2e/sim/kubeconfig");

test("a deployment gets an HPA with the chosen target, and its page shows the autoscaler", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "OPERATOR");
  const name = unique("elastic");
  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "Deploy model" }).first().click();
  await page.getByLabel("Model version").selectOption({ label: "credit-risk@1.0.0 (ONNX)" });
  await page.getByLabel("Cluster").selectOption({
    label: (await page.getByLabel("Cluster").locator("option").allTextContents()).find((t) => /^aws-use1-gpu/.test(t))!,
  });
  await page.getByRole("textbox", { name: "Deployment name", exact: true }).fill(name);
  await page.getByLabel("GPU type").selectOption("H100");
  await page.getByRole("spinbutton", { name: "Autoscaling minimum" }).fill("0");
  await page.getByRole("spinbutton", { name: "Autoscaling maximum" }).fill("3");
  await expect(page.getByRole("note").filter({ hasText: "Scale-from-zero is not supported" })).toBeVisible();
  await page.getByRole("spinbutton", { name: "Autoscaling minimum" }).fill("1");
  await page.getByLabel("Scale on").selectOption({ label: "Requests in flight per replica" });
  await page.getByRole("spinbutton", { name: "Target per replica" }).fill("150");
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  const panel = page.getByTestId("autoscaler");
  await expect(panel).toContainText("Requests in flight per replica");
  await expect(panel).toContainText("1 – 3 replicas");
  // The status sync mirrors the cluster's HPA: current → desired replicas once the controller has run.
  await expect(panel).toContainText(/\d+ → \d+/, { timeout: 60_000 });

  const hpa = execFileSync(
    "kubectl",
    ["--kubeconfig", KUBECONFIG, "--context", "aws-use1-gpu", "-n", "models", "get", "hpa", name],
    { encoding: "utf8" },
  );
  expect(hpa).toMatch(new RegExp(`${name}\\s+Deployment/${name}\\s+\\S+/150\\s+1\\s+3\\s+`));
});
