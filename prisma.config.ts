// Prisma CLI configuration: where the schema and migrations live (the project's runner applies them).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
