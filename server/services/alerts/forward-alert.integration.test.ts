// A failed forward of an alert to the team's signed webhook is retried with bounded exponential backoff; a receiver
// that keeps failing ends in an alert.forward_failed audit event, and neither that nor the log names the secret.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs } from "../../test/fixtures";
import { createMigrationScenario, type MigrationScenario } from "../../test/migration-scenario";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { signWebhook } from "../notifications/send-team-webhook";
import { recordAlertmanagerWebhook, type AlertmanagerWebhook } from "./record-alertmanager-webhook";
import { FORWARD_RETRY, forwardAlert } from "./forward-alert";

const SECRET = "alert-forward-secret-5678";
let db: TestDb;
let receiver: WebhookReceiver;
const url = () => receiver.url;

beforeAll(async () => {
  db = await createTestDb();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await db?.close();
});
afterEach(() => {
  receiver.answers.length = 0;
  receiver.received.length = 0;
  vi.restoreAllMocks();
});

async function team(slug: string, hookUrl = url()): Promise<MigrationScenario> {
  const s = await createMigrationScenario(db.prisma, slug);
  await db.prisma.alert.deleteMany({ where: { teamId: s.teamId } }); // the team fixture's own alert row
  await (await callerAs(db.prisma, s.users.ADMIN, s.teamId)).settings.saveWebhook({ url: hookUrl, secret: SECRET });
  return s;
}

const firing = (deploymentId: string, fingerprint: string): AlertmanagerWebhook => ({
  version: "4",
  status: "firing",
  alerts: [
    {
      status: "firing",
      labels: { alertname: "TernLatencySloBreach", severity: "critical", tern_deployment_id: deploymentId },
      annotations: { summary: "p95 latency of models/credit is above its SLO of 120 ms" },
      startsAt: "2026-12-07T03:00:00.000Z",
      fingerprint,
    },
  ],
});

const fast = { retry: { attempts: 4, firstDelayMs: 20, maxDelayMs: 200 } };

const forwardFailures = (teamId: string) =>
  db.prisma.auditEvent.findMany({ where: { teamId, action: "alert.forward_failed" } });

describe("forwarding an alert to the team's webhook", () => {
  it("retries a receiver that fails twice, with growing waits, until it accepts; each try is signed", async () => {
    const s = await team("fw1");
    receiver.answers.push(500, 503);
    const r = await recordAlertmanagerWebhook({
      prisma: db.prisma,
      payload: firing(s.deploymentId, "f0000000000000a1"),
      publicUrl: "https://tern.example.com",
      forward: fast,
    });
    expect(r.forwarding).toBe(1);
    expect(await r.delivered).toBe(1);
    expect(receiver.received).toHaveLength(3);
    for (const x of receiver.received) {
      const ts = String(x.headers["x-tern-timestamp"]);
      expect(x.headers["x-tern-signature"]).toBe(signWebhook(SECRET, ts, x.body));
      expect(x.headers["x-tern-event"]).toBe("alert.firing");
    }
    // 20 ms, then 40 ms: exponential, not a fixed pause.
    expect(receiver.received[1]!.at - receiver.received[0]!.at).toBeGreaterThanOrEqual(15);
    expect(receiver.received[2]!.at - receiver.received[1]!.at).toBeGreaterThanOrEqual(35);
    expect(await forwardFailures(s.teamId)).toEqual([]);
  });

  it("gives up after the last attempt and records why in the audit log, never the secret", async () => {
    const s = await team("fw2");
    receiver.answers.push(503, 503, 503, 503, 503);
    const out: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((x) => (out.push(String(x)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((x) => (out.push(String(x)), true));
    const r = await recordAlertmanagerWebhook({
      prisma: db.prisma,
      payload: firing(s.deploymentId, "f0000000000000a2"),
      publicUrl: "https://tern.example.com",
      forward: fast,
    });
    expect(await r.delivered).toBe(0);
    expect(receiver.received).toHaveLength(4);
    const alert = await db.prisma.alert.findFirstOrThrow({ where: { teamId: s.teamId } });
    const [failure, ...more] = await forwardFailures(s.teamId);
    expect(more).toEqual([]);
    expect(failure).toMatchObject({
      outcome: "FAILED",
      targetType: "Alert",
      targetId: alert.id,
      details: {
        event: "alert.firing",
        alert: "TernLatencySloBreach",
        attempts: 4,
        error: "the receiver answered HTTP 503",
      },
    });
    const logged = out.join("");
    expect(logged).toMatch(/gave up forwarding alert\.firing of TernLatencySloBreach after 4 attempts/);
    expect(logged).not.toContain(SECRET);
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });

  it("retries a receiver that cannot be reached and names the error code, not the URL", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const s = await team("fw3", `http://127.0.0.1:${port}/hook?token=${SECRET}`);
    const alert = await db.prisma.alert.create({
      data: {
        teamId: s.teamId,
        deploymentId: s.deploymentId,
        fingerprint: "f0000000000000a3",
        name: "TernLatencySloBreach",
        severity: "warning",
        status: "FIRING",
        summary: "p95 above SLO",
        startsAt: new Date(),
      },
    });
    const waits: number[] = [];
    const outcome = await forwardAlert({
      prisma: db.prisma,
      teamId: s.teamId,
      alertId: alert.id,
      alertName: alert.name,
      event: "alert.firing",
      text: "Firing: p95 above SLO",
      link: "https://tern.example.com/deployments/x",
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    });
    expect(outcome).toBe("failed");
    // The default schedule: FORWARD_RETRY.attempts tries, 0.5 s doubling.
    expect(FORWARD_RETRY.attempts).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]);
    const [failure] = await forwardFailures(s.teamId);
    expect(failure?.details).toMatchObject({ error: "the receiver could not be reached (ECONNREFUSED)" });
    expect(JSON.stringify(failure)).not.toContain(SECRET);
  });

  it("caps the backoff and does not retry when the team has no webhook", async () => {
    const waits: number[] = [];
    const sleep = (ms: number) => (waits.push(ms), Promise.resolve());
    const base = {
      prisma: db.prisma,
      teamId: "t",
      alertId: "a",
      alertName: "X",
      event: "alert.resolved" as const,
      text: "Resolved",
      link: "https://tern.example.com",
      sleep,
    };
    let calls = 0;
    const outcome = await forwardAlert({
      ...base,
      retry: { attempts: 6, firstDelayMs: 100, maxDelayMs: 300 },
      deliver: () => (
        calls++,
        Promise.resolve({ sent: true as const, ok: calls >= 6, status: calls >= 6 ? 200 : 502 })
      ),
    });
    expect(outcome).toBe("delivered");
    expect(waits).toEqual([100, 200, 300, 300, 300]);

    waits.length = 0;
    const none = await forwardAlert({ ...base, deliver: () => Promise.resolve({ sent: false as const }) });
    expect(none).toBe("no-webhook");
    expect(waits).toEqual([]);
  });
});
