// Printing: aligned tables for people, JSON or YAML for scripts (`-o json|yaml`).
import { stringify } from "yaml";
import { CliError, EXIT } from "./errors";

export type OutputFormat = "table" | "json" | "yaml";

export function parseOutput(value: string | undefined): OutputFormat {
  const v = value ?? "table";
  if (v === "table" || v === "json" || v === "yaml") return v;
  throw new CliError(EXIT.USAGE, `-o must be table, json or yaml (got '${v}')`);
}

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "-" : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function print(format: OutputFormat, data: unknown, asTable: () => string): void {
  if (format === "json") process.stdout.write(JSON.stringify(data, null, 2) + "\n");
  else if (format === "yaml") process.stdout.write(stringify(data));
  else process.stdout.write(asTable() + "\n");
}
