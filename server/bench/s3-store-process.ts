// Child process for the artifact copy bench: the simulator's S3 endpoint over a stores root, in its own
// process as a real object store is, so the copy's CPU (Tern's hashing) and the store's (its checksum) do not
// share one event loop. Sends { endpoint } over IPC when listening; exits when the parent disconnects.
import { createArtifactStores } from "@tern/sim/artifacts";
import { startS3Server } from "@tern/sim/artifacts";
import { StoreFaults } from "@tern/sim/artifacts";

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
