// `tern approvals list|approve|reject`: the approver's inbox; a decision binds to the plan hash shown.
import type { TernClient } from "../client";
import { migrationTable, type MigrationRow } from "../migration-table";
import { parseOutput, print } from "../output";
import type { MigrationDetail } from "./migrate";
import { describePlan } from "./migrate";

interface InboxItem extends MigrationRow {
  modelName: string;
  requestedByEmail: string;
}

export async function listApprovals(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const { items } = await client.get<{ items: InboxItem[] }>("/approvals");
  print(format, items, () =>
    items.length === 0
      ? "no migrations wait for your approval"
      : migrationTable(items, { idHeader: "MIGRATION", middle: [["REQUESTED BY", (m) => m.requestedByEmail]] }),
  );
}

export async function decide(client: TernClient, id: string, decision: "approve" | "reject", reason?: string) {
  const m = await client.get<MigrationDetail>(`/migrations/${id}`);
  console.log(`migration ${m.id}: ${m.deploymentName} ${m.sourceClusterName} → ${m.targetClusterName}`);
  console.log(describePlan(m.plan));
  if (decision === "approve") {
    const r = await client.post<{ state: string; approvals: number; requiredApprovals: number }>(
      `/approvals/${id}/approve`,
      { planHash: m.planHash },
    );
    console.log(
      `approved plan ${m.planHash.slice(0, 12)}: ${r.approvals}/${r.requiredApprovals} approvals, ${r.state}`,
    );
  } else {
    const r = await client.post<{ state: string }>(`/approvals/${id}/reject`, { planHash: m.planHash, reason });
    console.log(`rejected: ${r.state}`);
  }
}
