// Puts the committed demo models into chosen simulated clouds' stores, typically only each model's
// "home" cloud, so that deploying it elsewhere fails with NoSuchKey until a migration copies it.
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { DEMO_MODELS, demoArtifactKey, type DemoModelEntry } from "../models/demo-manifest";
import { demoArtifactPath, DEMO_MODELS_DIR } from "../models/demo-files";
import type { ArtifactStores } from "./artifact-stores";
import { simUri } from "./sim-uri";

export interface SeededArtifact {
  uri: string;
  cloudId: string;
  name: string;
  version: string;
  sha256: string;
  sizeBytes: number;
  /** false when the store already held the same bytes (seeding again on restart is a no-op). */
  written: boolean;
}

export interface SeedDemoArtifactsOptions {
  /** Defaults to every model in the demo manifest. */
  models?: readonly DemoModelEntry[];
  /** Where model files are read from; defaults to the committed packages/sim/src/models/demo. */
  demoDir?: string;
}

/**
 * cloudIds: the clouds that get every model, or a function choosing clouds per model
 * (e.g. m => m.name === "sentiment" ? ["gcp-europe-west4"] : ["aws-us-east-1"]).
 */
export async function seedDemoArtifacts(
  stores: ArtifactStores,
  cloudIds: readonly string[] | ((model: DemoModelEntry) => readonly string[]),
  opts: SeedDemoArtifactsOptions = {},
): Promise<SeededArtifact[]> {
  const seeded: SeededArtifact[] = [];
  for (const m of opts.models ?? DEMO_MODELS) {
    const clouds = typeof cloudIds === "function" ? cloudIds(m) : cloudIds;
    if (clouds.length === 0) continue;
    const bytes = await readFile(demoArtifactPath(m, opts.demoDir ?? DEMO_MODELS_DIR));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    // The manifest's sha256 is what the database records; seeding other bytes would make every
    // later verification fail in a confusing place, so refuse here with the fix.
    if (sha256 !== m.sha256) {
      throw new Error(
        `demo model ${m.name}@${m.version} does not match manifest.json (sha256 ${sha256}); rerun build-demo-models.ts`,
      );
    }
    for (const cloudId of clouds) {
      const uri = simUri(cloudId, demoArtifactKey(m));
      const existing = await stores.head(uri);
      const written = existing?.sha256 !== sha256;
      if (written) await stores.put(uri, bytes);
      seeded.push({ uri, cloudId, name: m.name, version: m.version, sha256, sizeBytes: bytes.length, written });
    }
  }
  return seeded;
}
