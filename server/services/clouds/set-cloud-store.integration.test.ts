import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture } from "../../test/fixtures";
import { decryptStoreSettings } from "../../migrations/artifacts/store-settings";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe("a cloud's object store", () => {
  it("is set by an admin, listed without its keys and stored encrypted", async () => {
    const f = await createTeamFixture(db.prisma, "st1");
    const admin = await callerAs(db.prisma, f.users.ADMIN, f.teamId);
    const input = {
      id: f.cloudId,
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
      bucket: "tern-models",
      region: "cn-hangzhou",
      accessKeyId: "LTAI-key",
      secretAccessKey: "very-secret-key",
    };
    await expect(admin.cloud.setStore({ ...input, bucket: "Bad_Bucket" })).rejects.toThrow(
      /bucket must be 3-63 lowercase/,
    );
    await expect(admin.cloud.setStore({ ...input, endpoint: "http://169.254.169.254/" })).rejects.toThrow(
      /store endpoint is refused/,
    );
    await expect(admin.cloud.setStore({ ...input, endpoint: "http://[::ffff:a9fe:a9fe]/" })).rejects.toThrow(
      /store endpoint is refused/,
    );
    expect((await db.prisma.cloud.findUniqueOrThrow({ where: { id: f.cloudId } })).storeCredentialsCipher).toBeNull();
    const saved = await admin.cloud.setStore(input);
    expect(JSON.stringify(saved)).not.toContain("very-secret-key");
    const listed = await admin.cloud.list({});
    expect(listed.items.find((c) => c.id === f.cloudId)?.store).toEqual({
      endpoint: input.endpoint,
      bucket: "tern-models",
      region: "cn-hangzhou",
    });
    expect(JSON.stringify(listed)).not.toContain("LTAI-key");
    const row = await db.prisma.cloud.findUniqueOrThrow({ where: { id: f.cloudId } });
    expect(row.storeCredentialsCipher).not.toContain("very-secret-key");
    expect(decryptStoreSettings(row.storeCredentialsCipher!).secretAccessKey).toBe("very-secret-key");
    const operator = await callerAs(db.prisma, f.users.OPERATOR, f.teamId);
    await expect(operator.cloud.setStore(input)).rejects.toThrow(/ADMIN role/);
    await admin.cloud.clearStore({ id: f.cloudId });
    expect((await db.prisma.cloud.findUniqueOrThrow({ where: { id: f.cloudId } })).storeCredentialsCipher).toBeNull();
  });
});
