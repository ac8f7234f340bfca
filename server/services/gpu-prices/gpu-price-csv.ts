// CSV import and export of the price catalog. Import is all-or-nothing: one bad row changes nothing.
import Papa from "papaparse";
import { AppError } from "../../errors";
import { GPU_PRICE_CSV_COLUMNS, ZGpuPriceFields } from "../../validation/gpu-price";
import type { TeamScope } from "../context";
import { gpuPriceSelect, toDate, toGpuPriceDto } from "./gpu-price-select";

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, or a leading tab/CR/LF
// that some spreadsheets skip before reading one of those. Papa's own default regex ends in `.*$`, which
// a newline inside the cell defeats, so the test is on the first character only.
const FORMULA_START = /^[=+\-@\t\r\n]/;
// Export writes such a cell as `'=…`; importing that file again restores the original text.
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r\n])/;

function unescapeFormula(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v.replace(ESCAPED_FORMULA, "") : v]),
  );
}

export async function importGpuPricesCsv(opts: TeamScope & { csv: string }) {
  const parsed = Papa.parse<Record<string, string>>(opts.csv.trim(), { header: true, skipEmptyLines: true });
  const header = parsed.meta.fields ?? [];
  const missing = GPU_PRICE_CSV_COLUMNS.filter((c) => c !== "currency" && !header.includes(c));
  if (missing.length) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `the CSV is missing column(s) ${missing.join(", ")}; the header must be: ${GPU_PRICE_CSV_COLUMNS.join(",")}`,
      "csv",
    );
  }
  if (parsed.data.length === 0) throw new AppError("UNPROCESSABLE_CONTENT", "the CSV has a header but no rows", "csv");
  if (parsed.data.length > 20_000)
    throw new AppError("UNPROCESSABLE_CONTENT", "at most 20,000 rows per import; split the file", "csv");

  const problems: string[] = [];
  const rows = parsed.data.flatMap((raw, i) => {
    const r = ZGpuPriceFields.safeParse({ ...unescapeFormula(raw), currency: raw.currency || undefined });
    if (r.success) return [r.data];
    // Row numbers as a spreadsheet shows them: the header is row 1.
    problems.push(`row ${i + 2}: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return [];
  });
  if (problems.length) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more rows)` : "";
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `nothing was imported: ${problems.slice(0, 5).join(" | ")}${more}`,
      "csv",
    );
  }

  // The same provider/region/GPU/date replaces the existing entry: re-importing a file is safe.
  await opts.prisma.$transaction(
    rows.map((p) => {
      const data = { ...p, effectiveDate: toDate(p.effectiveDate) };
      return opts.prisma.gpuPrice.upsert({
        where: {
          teamId_provider_region_gpuType_effectiveDate: {
            teamId: opts.teamId,
            provider: p.provider,
            region: p.region,
            gpuType: p.gpuType,
            effectiveDate: data.effectiveDate,
          },
        },
        create: { ...data, teamId: opts.teamId },
        update: { pricePerHour: p.pricePerHour, currency: p.currency, source: p.source },
        select: { id: true },
      });
    }),
  );
  return { imported: rows.length };
}

export async function exportGpuPricesCsv(opts: TeamScope) {
  const rows = await opts.prisma.gpuPrice.findMany({
    where: { teamId: opts.teamId },
    orderBy: [{ provider: "asc" }, { region: "asc" }, { gpuType: "asc" }, { effectiveDate: "asc" }],
    select: gpuPriceSelect,
  });
  const data = rows.map(toGpuPriceDto).map((r) => GPU_PRICE_CSV_COLUMNS.map((c) => r[c]));
  return (
    Papa.unparse({ fields: [...GPU_PRICE_CSV_COLUMNS], data }, { newline: "\n", escapeFormulae: FORMULA_START }) + "\n"
  );
}
