// Alertmanager's webhook into Tern: alerts are recorded per episode, resolutions close them, another team's labels
// change nothing, and the team's outgoing webhook hears each firing and each resolution exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs } from "../../test/fixtures";
import { createMigrationScenario } from "../../test/migration-scenario";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { recordAlertmanagerWebhook, type AlertmanagerWebhook } from "./record-alertmanager-webhook";

let db: TestDb;
let receiver: WebhookReceiver;
beforeAll(async () => {
  db = await createTestDb();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await db?.close();
});

const payload = (
  deploymentId: string,
  teamId: string,
  status: "firing" | "resolved",
  endsAt = "0001-01-01T00:00:00Z",
): AlertmanagerWebhook => ({
  version: "4",
  status,
  alerts: [
    {
      status,
      labels: {
        alertname: "TernLatencySloBreach",
        severity: "warning",
        tern_deployment_id: deploymentId,
        tern_team_id: teamId,
      },
      annotations: { summary: "p95 latency of models/credit is above its SLO of 120 ms" },
      startsAt: "2026-12-07T02:00:00.000Z",
      endsAt,
      fingerprint: "a1b2c3d4e5f60718",
    },
  ],
});

describe("the Alertmanager webhook receiver", () => {
  it("records a firing alert once, forwards it once, then marks it resolved and forwards that once", async () => {
    const s = await createMigrationScenario(db.prisma, "al1");
    await db.prisma.alert.deleteMany({ where: { teamId: s.teamId } }); // the team fixture's own alert row
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    const url = receiver.url;
    await admin.settings.saveWebhook({ url, secret: "alert-signing-secret-1234" });
    const run = (p: AlertmanagerWebhook) =>
      recordAlertmanagerWebhook({ prisma: db.prisma, payload: p, publicUrl: "https://tern.example.com" });

    const first = await run(payload(s.deploymentId, s.teamId, "firing"));
    expect(first).toMatchObject({ recorded: 1, ignored: 0, forwarding: 1 });
    expect(await first.delivered).toBe(1);
    // Alertmanager repeats firing alerts (group_interval, repeat_interval): nothing new is sent.
    const repeat = await run(payload(s.deploymentId, s.teamId, "firing"));
    expect(repeat).toMatchObject({ recorded: 1, ignored: 0, forwarding: 0 });
    expect(await repeat.delivered).toBe(0);
    const firing = await db.prisma.alert.findMany({ where: { deploymentId: s.deploymentId } });
    expect(firing).toEqual([expect.objectContaining({ status: "FIRING", name: "TernLatencySloBreach", endsAt: null })]);
    expect(receiver.received.filter((r) => r.headers["x-tern-event"] === "alert.firing")).toHaveLength(1);

    const resolved = await run(payload(s.deploymentId, s.teamId, "resolved", "2026-12-07T02:10:00.000Z"));
    expect(await resolved.delivered).toBe(1);
    expect(await (await run(payload(s.deploymentId, s.teamId, "resolved", "2026-12-07T02:10:00.000Z"))).delivered).toBe(
      0,
    );
    const rows = await db.prisma.alert.findMany({ where: { deploymentId: s.deploymentId } });
    expect(rows).toEqual([
      expect.objectContaining({ status: "RESOLVED", endsAt: new Date("2026-12-07T02:10:00.000Z") }),
    ]);
    const events = receiver.received.map((r) => r.headers["x-tern-event"]);
    expect(events.filter((e) => e === "alert.firing")).toHaveLength(1);
    expect(events.filter((e) => e === "alert.resolved")).toHaveLength(1);
    const body = JSON.parse(receiver.received.at(-1)!.body) as { text: string; link: string };
    expect(body.text).toContain("Resolved: p95 latency of models/credit is above its SLO");
    expect(body.link).toBe(`https://tern.example.com/deployments/${s.deploymentId}`);
  });

  it("ignores alerts about deployments it does not know, whatever team they name", async () => {
    const s = await createMigrationScenario(db.prisma, "al2");
    await db.prisma.alert.deleteMany({ where: { teamId: s.teamId } }); // the team fixture's own alert row
    const result = await recordAlertmanagerWebhook({
      prisma: db.prisma,
      payload: payload("cmnotadeployment0000000", s.teamId, "firing"),
      publicUrl: "https://tern.example.com",
    });
    expect(result).toMatchObject({ recorded: 0, ignored: 1, forwarding: 0 });
    expect(await result.delivered).toBe(0);
    expect(await db.prisma.alert.count({ where: { teamId: s.teamId } })).toBe(0);
  });
});
