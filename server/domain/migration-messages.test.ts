import { describe, expect, it } from "vitest";
import {
  MIGRATION_MESSAGES,
  migrationMessage,
  parseMigrationMessage,
  type MigrationMessageKey,
} from "./migration-messages";
import { messagesFor } from "../i18n/messages";

const keys = Object.keys(MIGRATION_MESSAGES) as MigrationMessageKey[];
const sample = (key: MigrationMessageKey) =>
  Object.fromEntries([...MIGRATION_MESSAGES[key].matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1]!, `v${i}-${key}`]));

describe("migration messages", () => {
  it("reads every message back to the key and values it was written from", () => {
    for (const key of keys) {
      const params = sample(key);
      expect(parseMigrationMessage(migrationMessage(key, params)), key).toEqual({ key, params });
    }
  });

  it("keeps the specific reading of overlapping templates", () => {
    expect(parseMigrationMessage("the target is Failed: Back-off restarting failed container")).toEqual({
      key: "targetPhaseEvent",
      params: { phase: "Failed", event: "Back-off restarting failed container" },
    });
    expect(parseMigrationMessage("aborted by op@x.test: wrong window")).toMatchObject({ key: "abortedByWithReason" });
  });

  it("reads a message inside another, so both can be translated", () => {
    const inner = migrationMessage("p95AboveSlo", { p95: 412, slo: 300 });
    const outer = parseMigrationMessage(migrationMessage("afterAttempts", { error: inner, attempts: 5 }))!;
    expect(outer).toEqual({ key: "afterAttempts", params: { error: inner, attempts: "5" } });
    expect(parseMigrationMessage(outer.params.error!)).toEqual({
      key: "p95AboveSlo",
      params: { p95: "412", slo: "300" },
    });
  });

  it("leaves text that is not one of its messages alone, and refuses a missing value", () => {
    expect(parseMigrationMessage("connect ECONNREFUSED 127.0.0.1:6443")).toBeNull();
    expect(() => migrationMessage("p95AboveSlo", { p95: 1 })).toThrow(/needs a value for \{slo\}/);
  });

  it("English in the catalog is exactly the templates; Chinese translates each", () => {
    expect(messagesFor("en").migrationMessages).toEqual(MIGRATION_MESSAGES);
    const zh = messagesFor("zh-CN").migrationMessages as Record<string, string>;
    for (const key of keys) expect(zh[key], key).not.toBe(MIGRATION_MESSAGES[key]);
  });
});
