// The `tern` binary end to end: run as a child process against Tern's REST API on the simulated demo fleet (real
// clusters, Prometheus and workers, as `npm start` runs them), with API tokens of two users.
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { startFleetHarness, until, type FleetHarness } from "../server/test/fleet-harness";
import { createApiToken } from "../server/services/api-tokens/create-api-token";
import type { ApiScope, Role } from "../server/domain/values";
import { startRestServer } from "./test/rest-server";
import { startTern, tern as runTern, type TernRun } from "./test/run-tern";

let h: FleetHarness;
let server: Awaited<ReturnType<typeof startRestServer>>;
let home: string;
const tokens = {} as Record<"operator" | "approver" | "admin" | "viewer", string>;
const runs: TernRun[] = [];

beforeAll(async () => {
  Object.assign(process.env, {
    TERN_AUTH_SECRET: "cli-test-secret-0123456789abcdef0123",
    TERN_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tern-cli-")),
  });
  h = await startFleetHarness({ rps: 12, log: () => {} });
  server = await startRestServer(h.db);
  home = await mkdtemp(path.join(os.tmpdir(), "tern-cli-home-"));
  const make = async (role: Role, scopes: ApiScope[]) => {
    const user = await h.user(role);
    return (
      await createApiToken({
        prisma: h.db.prisma,
        teamId: h.teamId,
        userId: user.id,
        role,
        input: { name: `cli ${role}`, scopes, expiresInDays: 1 },
      })
    ).token;
  };
  tokens.operator = await make("OPERATOR", ["DEPLOY", "MIGRATE"]);
  tokens.approver = await make("APPROVER", ["APPROVE"]);
  tokens.admin = await make("ADMIN", ["APPROVE"]);
  tokens.viewer = await make("VIEWER", []);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await h?.stop();
  // No output of any run may carry a token.
  for (const r of runs)
    for (const t of Object.values(tokens)) expect(r.stdout + r.stderr).not.toContain(t.slice("tern_pat_".length));
}, 60_000);

/** `tern …` as whoever logged in (the config file under `home`), or with TERN_URL/TERN_TOKEN of another user. */
async function tern(args: string[], as?: keyof typeof tokens, input?: string) {
  const env: Record<string, string> = { XDG_CONFIG_HOME: home };
  if (as) Object.assign(env, { TERN_URL: server.url, TERN_TOKEN: tokens[as] });
  const r = await runTern(args, env, input);
  runs.push(r);
  return r;
}

const configFile = () => path.join(home, "tern", "config.json");

describe("tern", { timeout: 180_000 }, () => {
  it("logs in: checks the token with a call, then stores URL and token readable by the user only", async () => {
    const bad = await tern(["login", "--url", server.url, "--token", "tern_pat_" + "x".repeat(43)]);
    expect(bad.code, bad.stderr).toBe(3);
    expect(bad.stderr).toMatch(/tern login/);
    await expect(stat(configFile())).rejects.toThrow();

    const ok = await tern(["login", "--url", server.url], undefined, `${tokens.operator}\n`);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/logged in .* as operator@demo\.tern\.local/);
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(configFile(), "utf8"))).toEqual({ url: server.url, token: tokens.operator });

    const status = await tern(["status"]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/operator@demo\.tern\.local/);
    expect(status.stdout).toMatch(/OPERATOR/);
  });

  it("lists clusters, models and deployments as JSON, YAML and an aligned table", async () => {
    const clusters = await tern(["clusters", "list", "-o", "json"]);
    expect(clusters.code, clusters.stderr).toBe(0);
    const names = (JSON.parse(clusters.stdout) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["aws-use1-gpu", "gcp-euw4-gpu", "lepton-h100"]));
    expect(clusters.stdout).not.toMatch(/credential/i);

    const models = await tern(["models", "list", "-o", "yaml"]);
    expect((parse(models.stdout) as { name: string }[]).map((m) => m.name)).toContain("credit-risk");

    const table = await tern(["deployments", "list"]);
    expect(table.code, table.stderr).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^NAME\s+NAMESPACE\s+CLUSTER\s+MODEL\s+READY/);
    const col = header!.indexOf("CLUSTER");
    const row = rows.find((r) => r.startsWith("credit-risk "))!;
    expect(row.slice(col)).toMatch(/^aws-use1-gpu /);

    expect((await tern(["deployments", "list", "-o", "xml"])).code).toBe(2);
  });

  it("deploys and scales, with exit codes for usage (2), refusals (3), failures (1) and unknown names (4)", async () => {
    const d = await tern([
      "deploy",
      "sentiment:1.0.0",
      "--cluster",
      "gcp-euw4-gpu",
      "--name",
      "sentiment-cli",
      "--replicas",
      "1",
      "--max",
      "3",
      "--gpus",
      "0",
      "--gpu-type",
      "L4",
    ]);
    expect(d.code, d.stderr).toBe(0);
    const row = await h.db.prisma.deployment.findFirstOrThrow({ where: { teamId: h.teamId, name: "sentiment-cli" } });
    expect(row).toMatchObject({ replicas: 1, maxReplicas: 3, gpusPerReplica: 0, namespace: "default" });

    const scaled = await tern(["scale", "sentiment-cli", "--replicas", "2"]);
    expect(scaled.code, scaled.stderr).toBe(0);
    expect(scaled.stdout).toMatch(/1 → 2 replicas/);
    expect((await h.db.prisma.deployment.findUniqueOrThrow({ where: { id: row.id } })).replicas).toBe(2);

    const beyond = await tern(["scale", "sentiment-cli", "--replicas", "9"]);
    expect(beyond.code).toBe(1);
    expect(beyond.stderr).toMatch(/autoscaling bounds 1 and 3/);
    expect(beyond.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await tern(["scale", "sentiment-cli", "--replicas", "many"])).code).toBe(2);
    expect((await tern(["scale", "no-such-deployment", "--replicas", "1"])).code).toBe(4);
    const viewer = await tern(["scale", "sentiment-cli", "--replicas", "1"], "viewer");
    expect(viewer.code).toBe(3);
    expect(viewer.stderr).toMatch(/lacks the DEPLOY scope/);
    // The cluster's autoscaler may change replicas meanwhile, so the audit says what the refused call did: nothing.
    const byViewer = (outcome: "SUCCESS" | "DENIED") =>
      h.db.prisma.auditEvent.count({
        where: { actorEmail: viewerEmail, action: "deployment.scale", outcome },
      });
    const viewerEmail = (await h.user("VIEWER")).email;
    expect(await byViewer("SUCCESS")).toBe(0);
    expect(await byViewer("DENIED")).toBeGreaterThan(0);
  });

  it("exports the team as YAML and applies it back: idempotent, dry runs change nothing, round trip", async () => {
    const file = path.join(home, "team.yaml");
    const exported = await tern(["export", "-f", file]);
    expect(exported.code, exported.stderr).toBe(0);
    const text = await readFile(file, "utf8");
    expect(text).not.toMatch(/^\s*(credentials\w*|apiServer|token|kubeconfig):|BEGIN CERTIFICATE/im);
    const doc = parse(text) as Record<string, Record<string, unknown>[]>;
    expect(doc.deployments!.map((d) => d.name)).toContain("sentiment-cli");

    const again = await tern(["apply", "-f", file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^no changes \(\d+ unchanged\)/m);

    // A new GPU price and a deployment's SLO changed in the document (its replicas belong to its autoscaler).
    const price = {
      provider: "LEPTON",
      region: "us-west",
      gpuType: "H200",
      pricePerHour: 4.5,
      currency: "USD",
      source: "cli test",
      effectiveDate: "2026-12-01",
    };
    doc.gpuPrices!.push(price);
    const dep = doc.deployments!.find((d) => d.name === "sentiment-cli")!;
    const slo = Number(dep.latencySloMs);
    dep.latencySloMs = slo + 50;
    const changed = path.join(home, "team-changed.yaml");
    await writeFile(changed, stringify(doc));
    const prices = await h.db.prisma.gpuPrice.count({ where: { teamId: h.teamId } });

    const dry = await tern(["apply", "-f", changed, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^\+ gpuPrice LEPTON\/us-west\/H200@2026-12-01$/m);
    expect(dry.stdout).toMatch(
      new RegExp(`^~ deployment gcp-euw4-gpu/default/sentiment-cli\\n\\s+latencySloMs: ${slo} → ${slo + 50}$`, "m"),
    );
    expect(dry.stdout).toMatch(/would apply 2 changes/);
    expect(await h.db.prisma.gpuPrice.count({ where: { teamId: h.teamId } })).toBe(prices);
    expect((await h.db.prisma.deployment.findFirstOrThrow({ where: { name: "sentiment-cli" } })).latencySloMs).toBe(
      slo,
    );

    const applied = await tern(["apply", "-f", changed]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/applied 2 changes/);
    expect(await h.db.prisma.gpuPrice.count({ where: { teamId: h.teamId } })).toBe(prices + 1);
    expect((await h.db.prisma.deployment.findFirstOrThrow({ where: { name: "sentiment-cli" } })).latencySloMs).toBe(
      slo + 50,
    );
    const second = await tern(["apply", "-f", changed]);
    expect(second.stdout).toMatch(/^no changes/m);

    // Round trip: what Tern exports now is the document that was applied.
    const back = parse((await tern(["export"])).stdout) as typeof doc;
    // Replicas of autoscaled deployments are the autoscaler's, so they are left out of the comparison.
    const sorted = (d: typeof doc) => ({
      ...d,
      gpuPrices: [...d.gpuPrices!].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      deployments: d.deployments!.map((x) => (x.minReplicas !== x.maxReplicas ? { ...x, replicas: "HPA" } : x)),
    });
    expect(sorted(back)).toEqual(sorted(doc));

    // Prune lists what the document leaves out; a dry run deletes nothing.
    const pruned = path.join(home, "team-pruned.yaml");
    await writeFile(pruned, stringify({ ...doc, gpuPrices: doc.gpuPrices!.filter((p) => p.gpuType !== "H200") }));
    const withoutPrune = await tern(["apply", "-f", pruned]);
    expect(withoutPrune.stdout).toMatch(/^no changes/m);
    const prune = await tern(["apply", "-f", pruned, "--prune", "--dry-run"]);
    expect(prune.stdout).toMatch(/^- gpuPrice LEPTON\/us-west\/H200@2026-12-01$/m);
    expect(await h.db.prisma.gpuPrice.count({ where: { teamId: h.teamId } })).toBe(prices + 1);

    // A cluster the document names but Tern does not have cannot be created without credentials.
    const unknown = path.join(home, "team-unknown.yaml");
    const extra = { name: "new-gpu", cloud: "lepton", region: "us-west", prometheusUrl: null, residencyTags: [] };
    await writeFile(unknown, stringify({ ...doc, clusters: [...doc.clusters!, extra] }));
    const refused = await tern(["apply", "-f", unknown]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cluster 'new-gpu' is not in Tern.*no credentials.*import its kubeconfig/);
  });

  it("migrates with --wait: prints plan and forecast, waits for another user's approval, follows to SUCCEEDED", async () => {
    await until(
      "credit-risk ready on AWS",
      () => h.db.prisma.deployment.findFirst({ where: { teamId: h.teamId, name: "credit-risk", phase: "Ready" } }),
      120_000,
    );
    await until("traffic reaching credit-risk", async () => (await h.load("credit-risk")).success > 20, 60_000);
    // A loose SLO: this test is about the command line, and on a busy test machine the target's p95 varies.
    await h.db.prisma.deployment.updateMany({
      where: { teamId: h.teamId, name: "credit-risk" },
      data: { latencySloMs: 10_000 },
    });
    const run = startTern(
      [
        "migrate",
        "credit-risk",
        "--to",
        "lepton-h100",
        "--steps",
        "50,100",
        "--analysis-seconds",
        "20",
        "--drain-grace-seconds",
        "2",
        "--wait",
        "--interval",
        "1",
      ],
      { XDG_CONFIG_HOME: home },
    );
    const id = await until(
      "the migration requested",
      () => Promise.resolve(/migration (\S+) requested/.exec(run.stdout())?.[1]),
      120_000,
      250,
    );
    const out = run.stdout();
    expect(out).toMatch(/^cost\s+.+→/m);
    expect(out).toMatch(/^p95\s+.+SLO 10000 ms/m);
    expect(out).toMatch(/^checks$/m);
    await until("waiting for approval", () => Promise.resolve(run.stdout().includes("PENDING_APPROVAL")), 30_000, 250);

    const inbox = await tern(["approvals", "list", "-o", "json"], "approver");
    expect((JSON.parse(inbox.stdout) as { id: string }[]).map((m) => m.id)).toContain(id);
    // The requester's own token cannot approve it.
    expect((await tern(["approvals", "approve", id])).code).toBe(3);
    const approved = await tern(["approvals", "approve", id], "approver");
    expect(approved.code, approved.stderr).toBe(0);
    // A move the team's policy treats as elevated (cost, residency) needs a second approver.
    if ((await h.db.prisma.migration.findUniqueOrThrow({ where: { id } })).state === "PENDING_APPROVAL")
      expect((await tern(["approvals", "approve", id], "admin")).code).toBe(0);

    const done = await run.done;
    runs.push(done);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(done.stdout).toMatch(/state RUNNING/);
    expect(done.stdout).toMatch(/✓ .*SUCCEEDED/);
    expect(done.stdout).toMatch(/succeeded: (models\/)?credit-risk now runs on lepton-h100/);
    const m = await h.db.prisma.migration.findUniqueOrThrow({ where: { id } });
    expect(m.state).toBe("SUCCEEDED");
  }, 420_000);
});
