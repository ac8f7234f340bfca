// Generates the Prisma client offline: the CLI's native schema engine cannot be downloaded here and
// `generate` does not need it, so point Prisma at a stand-in that refuses (exit 1) rather than at nothing.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = path.join(mkdtempSync(path.join(tmpdir(), "tern-prisma-")), "no-schema-engine");
  writeFileSync(
    stub,
    "#!/bin/sh\necho 'the native Prisma schema engine is not available; use npm run db:migrate' >&2\nexit 1\n",
  );
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const bin = path.join(import.meta.dirname, "../node_modules/prisma/build/index.js");
const r = spawnSync(process.execPath, [bin, "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
