// The table both migration lists print (`tern migrations list`, `tern approvals list`): which deployment moves
// from where to where, how many approvals it has and when it was asked for, around each list's own columns.
import { table } from "./output";

export interface MigrationRow {
  id: string;
  state: string;
  deploymentName: string;
  sourceClusterName: string;
  targetClusterName: string;
  approvals: number;
  requiredApprovals: number;
  createdAt: string;
}

type Cell = string | number | null | undefined;

/** Columns: <idHeader>, DEPLOYMENT, FROM, TO, then `middle` (header → cell), then APPROVALS, REQUESTED. */
export function migrationTable<T extends MigrationRow>(
  rows: T[],
  o: { idHeader: string; middle: [header: string, cell: (m: T) => Cell][] },
): string {
  return table(
    [o.idHeader, "DEPLOYMENT", "FROM", "TO", ...o.middle.map(([header]) => header), "APPROVALS", "REQUESTED"],
    rows.map((m) => [
      m.id,
      m.deploymentName,
      m.sourceClusterName,
      m.targetClusterName,
      ...o.middle.map(([, cell]) => cell(m)),
      `${m.approvals}/${m.requiredApprovals}`,
      m.createdAt.slice(0, 16).replace("T", " "),
    ]),
  );
}
