import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openNav, signIn, unique } from "./helpers";

const KUBECONFIG = path.resolve(".tern-e2e/sim/kubeconfig");

async function deploy(
  page: import("@playwright/test").Page,
  opts: { name: string; cluster: RegExp; gpus: number; replicas: number; max: number },
) {
  await openNav(page, "Deployments");
  await page.getByRole("link", { name: "Deploy model" }).first().click();
  await page.getByLabel("Model version").selectOption({ label: "credit-risk@1.0.0 (ONNX)" });
  await page.getByLabel("Cluster").selectOption({
    label: (await page.getByLabel("Cluster").locator("option").allTextContents()).find((t) => opts.cluster.test(t))!,
  });
  await page.getByRole("textbox", { name: "Deployment name", exact: true }).fill(opts.name);
  await page.getByLabel("GPU type").selectOption("H100");
  await page.getByRole("spinbutton", { name: "GPUs per replica" }).fill(String(opts.gpus));
  await page.getByRole("spinbutton", { name: "Autoscaling maximum" }).fill(String(opts.max));
  await page.getByRole("spinbutton", { name: "Replicas", exact: true }).fill(String(opts.replicas));
  await expect(page.getByRole("heading", { name: "Preflight" })).toBeVisible();
  await expect(page.getByText(/H100 needed/)).toBeVisible();
  await page.getByRole("button", { name: "Deploy", exact: true }).click();
  await expect(page.getByRole("heading", { name: opts.name })).toBeVisible();
}

test("deploy a model version, watch it become ready, scale it, see a kubectl scale, delete it", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "OPERATOR");
  const name = unique("credit");
  await deploy(page, { name, cluster: /^aws-use1-gpu/, gpus: 1, replicas: 1, max: 4 });
  await expect(page.getByText("1 of 1 replicas ready")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Ready", { exact: true }).first()).toBeVisible();

  // The model server's own output, read live through the cluster's pods/log.
  await page.getByRole("button", { name: "Auto-refresh (5 s)" }).click();
  await expect(page.getByRole("log", { name: /^Logs of pod / })).toContainText("model credit-risk 1.0.0 loaded in", {
    timeout: 20_000,
  });

  await page.getByRole("spinbutton", { name: "Replicas" }).fill("2");
  await page.getByRole("button", { name: "Scale" }).click();
  await expect(page.getByText("2 of 2 replicas ready")).toBeVisible({ timeout: 60_000 });

  // A change made outside Tern shows up within seconds.
  execFileSync("kubectl", [
    "--kubeconfig",
    KUBECONFIG,
    "--context",
    "aws-use1-gpu",
    "-n",
    "models",
    "scale",
    `deployment/${name}`,
    "--replicas=3",
  ]);
  await expect(page.getByText(/of 3 replicas ready/)).toBeVisible({ timeout: 15_000 });

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete deployment" }).click();
  await expect(page.getByText("This deployment no longer exists")).toBeVisible({ timeout: 30_000 });
});

test("a deployment that cannot fit shows Pending with the reason", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "OPERATOR");
  const name = unique("toobig");
  await deploy(page, { name, cluster: /^aws-use1-gpu/, gpus: 8, replicas: 2, max: 4 });
  await expect(page.getByText("Pending", { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Insufficient nvidia.com\/gpu/).first()).toBeVisible({ timeout: 30_000 });
});
