import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { decryptClusterCredentials, getEncryptionKey } from "../../crypto/credentials";
import {
  EXEC_KUBECONFIG,
  INSECURE_REMOTE_KUBECONFIG,
  FIXTURE_TOKEN,
  tokenKubeconfig,
} from "../../test/kubeconfig-fixtures";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "imp");
});
afterAll(async () => db?.close());

const base = (cloudId: string, name: string) => ({
  source: "kubeconfig" as const,
  cloudId,
  name,
  region: "cn-hangzhou",
  residencyTags: "cn, cn",
});

describe("importing a cluster", () => {
  it("stores credentials encrypted and never returns them", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const dto = await op.cluster.import({
      ...base(team.cloudId, "hz-1"),
      kubeconfig: tokenKubeconfig({ server: "https://127.0.0.1:16443" }),
      context: "sim-aws-us-east-1",
    });
    expect(dto).toMatchObject({
      name: "hz-1",
      apiServer: "https://127.0.0.1:16443",
      residencyTags: ["cn"],
      insecureTls: false,
    });
    expect(JSON.stringify(dto)).not.toContain(FIXTURE_TOKEN);
    const row = await db.prisma.cluster.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.credentialsCipher).not.toContain(FIXTURE_TOKEN);
    expect(decryptClusterCredentials(row.credentialsCipher, getEncryptionKey(), dto.id).value).toMatchObject({
      token: FIXTURE_TOKEN,
    });
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "cluster.import", targetId: dto.id } });
    expect(audit?.outcome).toBe("SUCCESS");
    expect(JSON.stringify(audit?.details)).not.toContain(FIXTURE_TOKEN);
  });

  it("refuses a kubeconfig that runs a command, and changes nothing", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const before = await db.prisma.cluster.count();
    await expect(
      op.cluster.import({ ...base(team.cloudId, "exec-1"), kubeconfig: EXEC_KUBECONFIG, context: "eks-us-east-1" }),
    ).rejects.toThrow(/runs a command/);
    expect(await db.prisma.cluster.count()).toBe(before);
  });

  it("needs an admin's explicit confirmation for skipped TLS verification on a remote address", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const admin = await callerAs(db.prisma, team.users.ADMIN, team.teamId);
    const input = { ...base(team.cloudId, "remote-1"), kubeconfig: INSECURE_REMOTE_KUBECONFIG, context: "" };
    const ctxName = (await op.cluster.inspectKubeconfig({ kubeconfig: INSECURE_REMOTE_KUBECONFIG })).contexts[0]!.name;
    input.context = ctxName;
    await expect(op.cluster.import(input)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(op.cluster.import({ ...input, confirmInsecure: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const dto = await admin.cluster.import({ ...input, confirmInsecure: true });
    expect(dto).toMatchObject({ insecureTls: true, insecureConfirmed: true });
  });

  it("reports a duplicate name as a conflict and a bad name with the DNS-1123 rule", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const kc = tokenKubeconfig({ server: "https://127.0.0.1:16443" });
    await expect(
      op.cluster.import({ ...base(team.cloudId, "hz-1"), kubeconfig: kc, context: "sim-aws-us-east-1" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already exists") as string,
    });
    const err = await op.cluster
      .import({ ...base(team.cloudId, "GPU_1"), kubeconfig: kc, context: "sim-aws-us-east-1" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(String((err as TRPCError).message)).toContain("lowercase letters, digits and '-'");
  });

  it("tells which context would be refused when inspecting a kubeconfig", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const r = await op.cluster.inspectKubeconfig({ kubeconfig: EXEC_KUBECONFIG });
    expect(r.contexts[0]?.problem).toMatch(/runs a command/);
  });
});
