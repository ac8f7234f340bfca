import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs } from "../../test/fixtures";
import { createMigrationScenario } from "../../test/migration-scenario";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver";
import { signWebhook } from "../notifications/send-team-webhook";

let db: TestDb;
let receiver: WebhookReceiver;
let url = "";
beforeAll(async () => {
  db = await createTestDb();
  receiver = await startWebhookReceiver();
  url = receiver.url;
});
afterAll(async () => {
  await receiver?.close();
  await db?.close();
});

const waitFor = async (n: number) => {
  for (let i = 0; i < 100 && receiver.received.length < n; i++) await new Promise((r) => setTimeout(r, 50));
};

describe("team webhook", () => {
  it("delivers signed Slack-compatible messages for migration requests, never returning the secret", async () => {
    const s = await createMigrationScenario(db.prisma, "wh1");
    const admin = await callerAs(db.prisma, s.users.ADMIN, s.teamId);
    await expect(admin.settings.saveWebhook({ url })).rejects.toThrow(/signing secret/);
    await expect(
      admin.settings.saveWebhook({ url: "http://169.254.169.254/latest/meta-data", secret: "0123456789abcdef" }),
    ).rejects.toThrow(/refused/);
    const saved = await admin.settings.saveWebhook({ url, secret: "super-secret-signing-key" });
    expect(JSON.stringify(saved)).not.toContain("super-secret");
    expect(await admin.settings.testWebhook()).toMatchObject({ delivered: true });
    const op = await callerAs(db.prisma, s.users.OPERATOR, s.teamId);
    const m = await op.migration.request({ deploymentId: s.deploymentId, targetClusterId: s.targetClusterId });
    await waitFor(2);
    const msg = receiver.received.find((r) => r.headers["x-tern-event"] === "migration.requested")!;
    expect(msg).toBeDefined();
    const body = JSON.parse(msg.body) as { text: string; link: string };
    expect(body.text).toMatch(/asks to migrate m-wh1/);
    expect(body.link).toBe(`/migrations/${m.id}`);
    // The receiver can check the signature with the shared secret; a forged body does not verify.
    const ts = String(msg.headers["x-tern-timestamp"]);
    expect(msg.headers["x-tern-signature"]).toBe(signWebhook("super-secret-signing-key", ts, msg.body));
    expect(signWebhook("super-secret-signing-key", ts, msg.body.replace("m-wh1", "evil"))).not.toBe(
      msg.headers["x-tern-signature"],
    );
    // The approver also sees it in-app.
    const approver = await callerAs(db.prisma, s.users.APPROVER, s.teamId);
    const inbox = await approver.notification.list();
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ kind: "migration.requested", migrationId: m.id, read: false });
    await approver.notification.markRead();
    expect((await approver.notification.list()).unread).toBe(0);
    // A viewer does not get approval requests.
    const viewer = await callerAs(db.prisma, s.users.VIEWER, s.teamId);
    expect((await viewer.notification.list()).items.some((n) => n.kind === "migration.requested")).toBe(false);
  });
});
