import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureAlertsTokenFile } from "../alerts/alerts-token-file";
import { ensureMetricsTokenFile } from "../metrics/metrics-token-file";
import { ensureGeneratedTokenFile } from "./generated-token-file";

describe("a generated token file", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tern-token-file-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("creates the data folder (0700) and the file (0600) once, then reads the same token", () => {
    const dataDir = path.join(root, "data", "nested");
    const token = ensureGeneratedTokenFile(dataDir, "x.token");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes in base64url
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "x.token")).mode & 0o777).toBe(0o600);
    expect(ensureGeneratedTokenFile(dataDir, "x.token")).toBe(token);
  });

  it("keeps a token written by someone else, trimmed", () => {
    const dataDir = path.join(root, "given");
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, "y.token"), "given-token\n");
    expect(ensureGeneratedTokenFile(dataDir, "y.token")).toBe("given-token");
  });

  it("gives /metrics and the alert receiver their own files and tokens", () => {
    const dataDir = path.join(root, "both");
    const metrics = ensureMetricsTokenFile(dataDir);
    const alerts = ensureAlertsTokenFile(dataDir);
    expect(metrics).not.toBe(alerts);
    expect(fs.readFileSync(path.join(dataDir, "metrics.token"), "utf8")).toBe(metrics);
    expect(fs.readFileSync(path.join(dataDir, "alerts.token"), "utf8")).toBe(alerts);
  });
});
