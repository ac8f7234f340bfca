// Child process for the artifact copy bench: the simulator's S3 endpoint over a stores root, in its own
// process as a real object store is, so the copy's CPU (Tern's hashing) and the store's (its checksum) do not
// share one event loop. Sends { endpoint } over IPC when listening; exits when the parent disconnects.
import { createArtifactStores } from "../sim/artifacts/artifact-stores.ts";
import { startS3Server } from "../sim/artifacts/s3-server.ts";
import { StoreFaults } from "../sim/artifacts/store-faults.ts";

const [root, bucketsJson] = process.argv.slice(2);
if (!root || !bucketsJson) throw new Error("usage: s3-store-process <stores root> <buckets JSON>");
const server = await startS3Server({
  port: 0,
  stores: createArtifactStores(root),
  faults: new StoreFaults(),
  buckets: JSON.parse(bucketsJson) as Parameters<typeof startS3Server>[0]["buckets"],
});
process.send?.({ endpoint: server.endpoint });
process.on("disconnect", () => void server.close().then(() => process.exit(0)));
