// ESLint: typescript-eslint's type-checked rules (no floating promises, no any) plus React hooks rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".tern*/",
      "server/generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/only-throw-error": "off",
    },
  },
  {
    // Every setting is read through env() in server/env.ts: validated at startup and listed in the README. Next.js
    // inlines NODE_ENV/NEXT_RUNTIME in proxy.ts and instrumentation.ts; tests, e2e and the bench set variables.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: [
      "server/env.ts",
      "packages/sim/src/env.ts",
      "proxy.ts",
      "instrumentation.ts",
      "**/*.test.ts",
      "e2e/**",
      "playwright.config.ts",
      "vitest.config.*",
      "server/bench/**",
      "server/test/**",
      "prisma/*.mjs",
      "prisma/author-migration.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "read settings through env() from server/env.ts (validated at startup, documented in the README)",
        },
      ],
    },
  },
  {
    // The simulated clouds are a dev dependency (packages/sim), and server/dev-tools (local Prometheus, demo data)
    // and server/test (test doubles and harnesses) serve `npm start`, the bench and tests: only the CLI, dev-tools,
    // the bench and tests may import them, so a production install without the simulator still runs the product.
    files: ["app/**", "components/**", "server/**", "*.ts"],
    ignores: ["server/cli/**", "server/dev-tools/**", "server/bench/**", "server/test/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@tern/sim", "@tern/sim/*", "**/packages/sim/**"],
              message:
                "product code must not import the simulator; only server/cli, server/dev-tools, server/bench and tests may",
            },
            {
              group: ["**/dev-tools/**", "@/server/dev-tools/**", "**/server/test/**", "../test/*", "../../test/*"],
              message:
                "product code must not import dev tooling (server/dev-tools) or test support (server/test); only server/cli, server/bench and tests may",
            },
          ],
        },
      ],
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  { files: ["**/*.mjs"], languageOptions: { globals: { process: "readonly", console: "readonly" } } },
);
