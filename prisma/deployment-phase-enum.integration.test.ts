// The migration that turns Deployment.phase from text into an enum keeps every row's phase (USING cast).
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmptyDb, type EmptyDb } from "@/server/test/test-db.ts";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from "./migrate.ts";

const MIGRATION = "20261202182145_deployment_phase_enum";

describe(`migration ${MIGRATION}`, () => {
  let db: EmptyDb;
  let dir: string;
  beforeEach(async () => {
    db = await createEmptyDb();
    dir = await mkdtemp(path.join(os.tmpdir(), "tern-phase-enum-"));
    // Everything before the enum migration, as a database from before it would have.
    for (const m of await readMigrations()) {
      if (m.name >= MIGRATION) break;
      await cp(path.join(DEFAULT_MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
    }
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("converts the text column in place, keeping phases and sending unknown text to Pending", async () => {
    await applyMigrations(db.executor, { migrationsDir: dir });
    const q = (sql: string) => db.executor.query(sql);
    await q(`INSERT INTO "Team" ("id", "name", "slug") VALUES ('t', 'T', 't')`);
    await q(`INSERT INTO "Cloud" ("id", "teamId", "provider", "name") VALUES ('c', 't', 'AWS', 'aws')`);
    await q(`INSERT INTO "Cluster" ("id", "teamId", "cloudId", "name", "region", "apiServer", "credentialsCipher", "updatedAt")
             VALUES ('k', 't', 'c', 'gpu-1', 'us-east-1', 'https://10.0.0.1:6443', 'v1:x', now())`);
    await q(
      `INSERT INTO "Model" ("id", "teamId", "name", "task", "framework") VALUES ('m', 't', 'ranker', 'ranking', 'onnx')`,
    );
    await q(`INSERT INTO "ModelVersion" ("id", "teamId", "modelId", "version", "format", "artifactUri", "sha256", "sizeBytes", "runtimeImage")
             VALUES ('v', 't', 'm', '1', 'ONNX', 'sim://aws/m.onnx', '${"0".repeat(64)}', 1, 'img')`);
    for (const [id, phase] of [
      ["d1", "Ready"],
      ["d2", "Terminating"],
      ["d3", "Degraded"],
      ["d4", "Running"],
    ] as const) {
      await q(`INSERT INTO "Deployment" ("id", "teamId", "clusterId", "modelVersionId", "namespace", "name", "replicas",
               "gpusPerReplica", "gpuType", "minReplicas", "maxReplicas", "latencySloMs", "phase", "updatedAt")
               VALUES ('${id}', 't', 'k', 'v', 'ns', '${id}', 1, 1, 'L4', 1, 1, 100, '${phase}', now())`);
    }

    await cp(path.join(DEFAULT_MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
    expect(await applyMigrations(db.executor, { migrationsDir: dir })).toEqual({ applied: [MIGRATION] });

    const { rows } = await db.executor.query<{ id: string; phase: string; type: string }>(
      `SELECT "id", "phase"::text AS "phase", pg_typeof("phase")::text AS "type" FROM "Deployment" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      { id: "d1", phase: "Ready", type: '"DeploymentPhase"' },
      { id: "d2", phase: "Terminating", type: '"DeploymentPhase"' },
      { id: "d3", phase: "Degraded", type: '"DeploymentPhase"' },
      { id: "d4", phase: "Pending", type: '"DeploymentPhase"' },
    ]);
    // The default is the enum's, and the (teamId, phase) index survived the type change.
    await q(`INSERT INTO "Deployment" ("id", "teamId", "clusterId", "modelVersionId", "namespace", "name", "replicas",
             "gpusPerReplica", "gpuType", "minReplicas", "maxReplicas", "latencySloMs", "updatedAt")
             VALUES ('d5', 't', 'k', 'v', 'ns', 'd5', 1, 1, 'L4', 1, 1, 100, now())`);
    const fresh = await db.executor.query<{ phase: string }>(
      `SELECT "phase"::text AS "phase" FROM "Deployment" WHERE "id" = 'd5'`,
    );
    expect(fresh.rows).toEqual([{ phase: "Pending" }]);
    const index = await db.executor.query<{ indexname: string }>(
      `SELECT "indexname" FROM pg_indexes WHERE "tablename" = 'Deployment' AND "indexname" = 'Deployment_teamId_phase_idx'`,
    );
    expect(index.rows).toHaveLength(1);
    await expect(q(`UPDATE "Deployment" SET "phase" = 'Running' WHERE "id" = 'd1'`)).rejects.toThrow(
      /invalid input value for enum/,
    );
  });
});
