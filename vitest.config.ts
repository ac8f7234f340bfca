// Unit and integration tests sit beside the code (x.test.ts, x.integration.test.ts).
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".tern*/**"],
    environment: "node",
    testTimeout: 30_000,
    env: { TERN_ENCRYPTION_KEY: "0000000000000000000000000000000000000000000000000000000000000001" },
    hookTimeout: 60_000,
  },
});
