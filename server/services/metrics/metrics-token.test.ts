import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metricsAccess, metricsRefusal, metricsTokenAccepted } from "./metrics-token";

describe("the /metrics bearer token", () => {
  const token = "s3cret-token-of-32-characters-ok";
  const access = { mode: "token", token } as const;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tern-mt-"));

  it("is closed by default with DATABASE_URL, generated in embedded mode, open only on purpose", () => {
    const closed = metricsAccess({ embedded: false, dataDir });
    expect(closed).toEqual({ mode: "closed" });
    expect(metricsTokenAccepted(null, closed)).toBe(false);
    expect(metricsRefusal(closed)).toMatch(/set TERN_METRICS_TOKEN/);
    const embedded = metricsAccess({ embedded: true, dataDir });
    expect(embedded.mode).toBe("token");
    expect(metricsAccess({ embedded: true, dataDir })).toEqual(embedded); // generated once
    expect(metricsTokenAccepted(null, embedded)).toBe(false);
    expect(metricsTokenAccepted(null, metricsAccess({ embedded: false, open: true, dataDir }))).toBe(true);
    expect(metricsAccess({ token, embedded: true, dataDir })).toEqual(access);
  });
  it("accepts exactly the configured bearer token", () => {
    expect(metricsTokenAccepted(`Bearer ${token}`, access)).toBe(true);
    expect(metricsTokenAccepted(`bearer ${token}`, access)).toBe(true);
  });
  it("refuses a missing, wrong, prefixed or differently-schemed token", () => {
    expect(metricsTokenAccepted(null, access)).toBe(false);
    expect(metricsTokenAccepted("Bearer wrong", access)).toBe(false);
    expect(metricsTokenAccepted(`Bearer ${token}x`, access)).toBe(false);
    expect(metricsTokenAccepted(`Basic ${token}`, access)).toBe(false);
    expect(metricsTokenAccepted(token, access)).toBe(false);
  });
});
