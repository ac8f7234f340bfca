// `tern migrations list`: the team's migrations, newest first.
import type { TernClient } from "../client";
import { parseOutput, print, table } from "../output";

interface Item {
  id: string;
  state: string;
  deploymentName: string;
  sourceClusterName: string;
  targetClusterName: string;
  currentStep: string | null;
  approvals: number;
  requiredApprovals: number;
  createdAt: string;
}

export async function listMigrations(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const rows = await client.all<Item>("/migrations");
  print(format, rows, () =>
    table(
      ["ID", "DEPLOYMENT", "FROM", "TO", "STATE", "STEP", "APPROVALS", "REQUESTED"],
      rows.map((m) => [
        m.id,
        m.deploymentName,
        m.sourceClusterName,
        m.targetClusterName,
        m.state,
        m.currentStep,
        `${m.approvals}/${m.requiredApprovals}`,
        m.createdAt.slice(0, 16).replace("T", " "),
      ]),
    ),
  );
}
