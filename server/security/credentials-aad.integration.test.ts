// Issue 9: a cluster's encrypted credentials are bound to its id, so a cipher copied onto another cluster's
// row (a swapped column, a restored backup row, a bug in a bulk update) cannot be used to reach that cluster.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStoredCluster } from "../clusters/driver";
import { decryptClusterCredentials, encryptJson, getEncryptionKey } from "../crypto/credentials";
import { loadStoredClusters } from "../services/clusters/cluster-connection";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";

let db: TestDb;
let a: TeamFixture;
let b: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  a = await createTeamFixture(db.prisma, "aad-a");
  b = await createTeamFixture(db.prisma, "aad-b");
});
afterAll(async () => db?.close());

async function importWithToken(team: TeamFixture, name: string, token: string) {
  const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
  return admin.cluster.import({
    source: "token",
    cloudId: team.cloudId,
    name,
    region: "us-east-1",
    apiServer: "https://127.0.0.1:16443",
    token,
  });
}

describe("cluster credentials bound to their cluster (AES-GCM additional data)", () => {
  it("refuses a cipher moved onto another cluster's row", async () => {
    const victim = await importWithToken(b, "victim", "TOKEN-OF-TEAM-B");
    const attacker = await importWithToken(a, "attacker", "token-of-team-a");
    const stolen = await db.prisma.cluster.findUniqueOrThrow({
      where: { id: victim.id },
      select: { credentialsCipher: true },
    });
    // The attack: team B's cipher written onto team A's cluster, whose API URL team A controls.
    await db.prisma.cluster.update({
      where: { id: attacker.id },
      data: { credentialsCipher: stolen.credentialsCipher },
    });

    const [row] = await loadStoredClusters({ prisma: db.prisma, ids: [attacker.id] });
    expect(row).toBeDefined();
    expect(() => connectStoredCluster(row!)).toThrow(/could not be decrypted: .*belong to another cluster/);
    // The victim's own row still works.
    const [own] = await loadStoredClusters({ prisma: db.prisma, ids: [victim.id] });
    expect(decryptClusterCredentials(own!.credentialsCipher, getEncryptionKey(), victim.id).value).toMatchObject({
      token: "TOKEN-OF-TEAM-B",
    });
  });

  it("still reads rows written before (v1) and re-encrypts them bound to their id on first use", async () => {
    const legacy = encryptJson({ token: "legacy-token" }, getEncryptionKey());
    await db.prisma.cluster.update({ where: { id: a.clusterId }, data: { credentialsCipher: legacy } });
    const [row] = await loadStoredClusters({ prisma: db.prisma, ids: [a.clusterId] });
    expect(() => connectStoredCluster(row!)).not.toThrow();
    const stored = await db.prisma.cluster.findUniqueOrThrow({
      where: { id: a.clusterId },
      select: { credentialsCipher: true },
    });
    expect(stored.credentialsCipher.startsWith("v2:")).toBe(true);
    expect(decryptClusterCredentials(stored.credentialsCipher, getEncryptionKey(), a.clusterId)).toEqual({
      value: { token: "legacy-token" },
      legacy: false,
    });
    expect(() => decryptClusterCredentials(stored.credentialsCipher, getEncryptionKey(), b.clusterId)).toThrow(
      /belong to another cluster/,
    );
  });
});
