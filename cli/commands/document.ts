// `tern export` and `tern apply -f`: the team as a YAML document, and Tern made to match one. The server computes
// the changes (one transaction, the same validation and audit as the browser); --dry-run only lists them.
import { readFile, writeFile } from "node:fs/promises";
import { parse, stringify } from "yaml";
import type { TernClient } from "../client";
import { CliError, EXIT } from "../errors";

interface Change {
  action: "create" | "update" | "delete";
  kind: string;
  name: string;
  fields: { field: string; from: unknown; to: unknown }[];
}
interface ApplyResult {
  dryRun: boolean;
  changes: Change[];
  unchanged: number;
  notes: string[];
}

const HEADER =
  "# Tern team document: `tern apply -f <file>` makes Tern match it (--dry-run to preview, --prune to delete).\n" +
  "# Clusters carry no credentials: apply matches and updates them but cannot create one.\n";

export async function exportDocument(client: TernClient, o: { file?: string }) {
  const doc = await client.get<Record<string, unknown>>("/team/export");
  const text = HEADER + stringify(doc, { lineWidth: 0 });
  if (o.file && o.file !== "-") {
    await writeFile(o.file, text);
    console.error(`wrote ${o.file}`);
  } else process.stdout.write(text);
}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (e) {
    throw new CliError(EXIT.USAGE, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return parse(text) as unknown;
  } catch (e) {
    throw new CliError(EXIT.USAGE, `${file} is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function describeChanges(r: ApplyResult): string {
  const sign = { create: "+", update: "~", delete: "-" };
  const lines = r.changes.flatMap((c) => [
    `${sign[c.action]} ${c.kind} ${c.name}`,
    ...c.fields.map((f) => `    ${f.field}: ${show(f.from)} → ${show(f.to)}`),
  ]);
  const total = r.changes.length;
  lines.push(
    total === 0
      ? `no changes (${r.unchanged} unchanged)`
      : `${r.dryRun ? "would apply" : "applied"} ${total} change${total === 1 ? "" : "s"} (${r.unchanged} unchanged)${r.dryRun ? "; nothing was changed (dry run)" : ""}`,
  );
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}

export async function applyDocument(
  client: TernClient,
  o: { file: string; dryRun?: boolean; prune?: boolean; output?: string },
) {
  const document = await readDocument(o.file);
  const r = await client.post<ApplyResult>("/team/apply", {
    document,
    dryRun: o.dryRun ?? false,
    prune: o.prune ?? false,
  });
  if (o.output === "json") process.stdout.write(JSON.stringify(r, null, 2) + "\n");
  else console.log(describeChanges(r));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
