import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("removes secret-looking keys at any depth and keeps the rest", () => {
    const out = redact({
      name: "gpu-1",
      kubeconfig: "apiVersion: v1 ...",
      nested: { token: "abc", clientKeyData: "key", region: "us-east-1" },
      list: [{ password: "p" }],
    });
    expect(out).toEqual({
      name: "gpu-1",
      kubeconfig: "[redacted]",
      nested: { token: "[redacted]", clientKeyData: "[redacted]", region: "us-east-1" },
      list: [{ password: "[redacted]" }],
    });
    expect(JSON.stringify(out)).not.toMatch(/abc|"key"|"p"/);
  });

  it("shortens long strings and converts bigints", () => {
    expect(redact("x".repeat(600))).toHaveLength(501);
    expect(redact(10n)).toBe("10");
  });
});
