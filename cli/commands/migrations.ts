// `tern migrations list`: the team's migrations, newest first.
import type { TernClient } from "../client";
import { migrationTable, type MigrationRow } from "../migration-table";
import { parseOutput, print } from "../output";

interface Item extends MigrationRow {
  currentStep: string | null;
}

export async function listMigrations(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const rows = await client.all<Item>("/migrations");
  print(format, rows, () =>
    migrationTable(rows, {
      idHeader: "ID",
      middle: [
        ["STATE", (m) => m.state],
        ["STEP", (m) => m.currentStep],
      ],
    }),
  );
}
