import { describe, expect, it } from "vitest";
import { metricsTokenAccepted } from "./metrics-token";

describe("the /metrics bearer token", () => {
  const token = "s3cret-token-of-32-characters-ok";
  it("leaves /metrics open when no token is configured", () => {
    expect(metricsTokenAccepted(null, undefined)).toBe(true);
  });
  it("accepts exactly the configured bearer token", () => {
    expect(metricsTokenAccepted(`Bearer ${token}`, token)).toBe(true);
    expect(metricsTokenAccepted(`bearer ${token}`, token)).toBe(true);
  });
  it("refuses a missing, wrong, prefixed or differently-schemed token", () => {
    expect(metricsTokenAccepted(null, token)).toBe(false);
    expect(metricsTokenAccepted("Bearer wrong", token)).toBe(false);
    expect(metricsTokenAccepted(`Bearer ${token}x`, token)).toBe(false);
    expect(metricsTokenAccepted(`Basic ${token}`, token)).toBe(false);
    expect(metricsTokenAccepted(token, token)).toBe(false);
  });
});
