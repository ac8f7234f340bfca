// The simulated fleet's per-cloud object-store settings (<dataDir>/sim/object-stores.json, mode 0600), in the
// shape Tern stores on a Cloud (ObjectStoreSettings), for registering the demo clouds' stores.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ZObjectStoreSettings, type ObjectStoreSettings } from "../../migrations/artifacts/store-settings";

const ZFile = z.object({ version: z.literal(1), stores: z.array(ZObjectStoreSettings.extend({ cloud: z.string() })) });

/** Cloud id (fleet.json clouds[].id, Tern's Cloud name in the demo) → its store settings. */
export async function readSimObjectStores(dataDir: string): Promise<Map<string, ObjectStoreSettings>> {
  const file = path.join(dataDir, "sim", "object-stores.json");
  const parsed = ZFile.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is not a simulator object-store file; restart the simulated fleet to rewrite it`);
  return new Map(parsed.data.stores.map(({ cloud, ...s }) => [cloud, s]));
}
