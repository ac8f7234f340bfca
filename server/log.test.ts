import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

async function capture(format: "text" | "json", run: (log: typeof import("./log")) => void) {
  vi.stubEnv("TERN_LOG_FORMAT", format);
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (out.push(String(s)), true));
  const { resetEnv } = await import("./env");
  resetEnv();
  run(await import("./log"));
  return out.join("");
}

describe("logger", () => {
  it("writes `[tern] scope: message: error` lines with extra fields", async () => {
    const text = await capture("text", ({ logger }) =>
      logger("reconciler").error("apply failed", new Error("conflict"), { deployment: "d1" }),
    );
    expect(text).toBe("[tern] reconciler: apply failed: conflict deployment=d1\n");
  });

  it("redacts secrets by key and keeps only an error's message, in JSON", async () => {
    const text = await capture("json", ({ logger }) => {
      const e = new Error("refused");
      e.stack = "Error: refused\n at token=abc";
      logger("auth").error("sign-in", e, { token: "tok-123", user: { password: "hunter2", id: "u1" } });
    });
    const line = JSON.parse(text) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: "error",
      scope: "auth",
      msg: "sign-in",
      err: "refused",
      token: "[redacted]",
      user: { password: "[redacted]", id: "u1" },
    });
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("tok-123");
    expect(text).not.toContain("at token");
  });
});
