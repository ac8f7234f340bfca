import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/test-db";
import { callerAs, createTeamFixture, type TeamFixture } from "../../test/fixtures";

let db: TestDb;
let team: TeamFixture;
beforeAll(async () => {
  db = await createTestDb();
  team = await createTeamFixture(db.prisma, "csv");
});
afterAll(async () => db?.close());

const HEADER = "provider,region,gpuType,pricePerHour,currency,source,effectiveDate";

describe("GPU price CSV", () => {
  it("imports all rows, replaces same-key rows on re-import, and exports what it imported", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const csv = `${HEADER}\nGCP,europe-west4,L4,0.81,USD,list,2026-11-01\nALIYUN,cn-hangzhou,A10,7.5,CNY,"list, cn",2026-11-01\n`;
    expect(await op.gpuPrice.importCsv({ csv })).toEqual({ imported: 2 });
    expect(await op.gpuPrice.importCsv({ csv: csv.replace("0.81", "0.79") })).toEqual({ imported: 2 });
    const list = await op.gpuPrice.list({ q: "europe" });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.pricePerHour).toBe(0.79);
    const out = (await op.gpuPrice.exportCsv()).csv;
    expect(out.split("\n")[0]).toBe(HEADER);
    expect(out).toContain('ALIYUN,cn-hangzhou,A10,7.5,CNY,"list, cn",2026-11-01');
  });

  it("imports nothing when one row is bad, and names the row", async () => {
    const op = await callerAs(db.prisma, team.users.OPERATOR, team.teamId);
    const before = await db.prisma.gpuPrice.count();
    const csv = `${HEADER}\nAWS,us-east-1,H100,6.88,USD,list,2026-11-01\nAWS,us-east-1,H100,-1,USD,list,2026-13-01\n`;
    await expect(op.gpuPrice.importCsv({ csv })).rejects.toThrow(/nothing was imported: row 3: .*greater than 0/);
    expect(await db.prisma.gpuPrice.count()).toBe(before);
    await expect(op.gpuPrice.importCsv({ csv: "a,b\n1,2\n" })).rejects.toThrow(/missing column/);
  });
});
