// The REST API's OpenAPI 3.1 document, generated from the procedures that publish themselves with rest(...).
import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./root";

let cached: ReturnType<typeof generateOpenApiDocument> | undefined;

export function openApiDocument(baseUrl: string) {
  cached ??= generateOpenApiDocument(appRouter, {
    title: "Tern API",
    version: "1",
    description:
      "Everything an operator does in the browser, for scripts and pipelines. Authenticate with a personal API token " +
      "(Settings → API tokens) as `Authorization: Bearer tern_pat_…`; each call needs the token's scope (READ for reads; " +
      "DEPLOY, MIGRATE, APPROVE or ADMIN for changes) and the user's role. Errors are `{ message, code, issues? }`.",
    baseUrl: `${baseUrl}/api/v1`,
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "a Tern API token (tern_pat_…)" } },
  });
  return cached;
}
