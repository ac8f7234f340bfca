// `tern status`: who the token acts as, in which team, and the team's totals.
import type { TernClient } from "../client";
import { parseOutput, print, table } from "../output";

interface Status {
  user: { name: string; email: string };
  team: { name: string; slug: string; role: string };
  token: { prefix: string; scopes: string[] } | null;
  counts: Record<string, number>;
}

export async function status(client: TernClient, o: { output?: string }) {
  const format = parseOutput(o.output);
  const s = await client.get<Status>("/status");
  print(format, { url: client.url, ...s }, () =>
    [
      `server   ${client.url}`,
      `user     ${s.user.name} <${s.user.email}>`,
      `team     ${s.team.name} (${s.team.role})`,
      `token    ${s.token ? `${s.token.prefix}… scopes ${s.token.scopes.join(", ") || "READ only"}` : "-"}`,
      "",
      table(
        ["CLOUDS", "CLUSTERS", "UNHEALTHY", "MODELS", "DEPLOYMENTS", "GPU PRICES"],
        [
          [
            s.counts.clouds,
            s.counts.clusters,
            s.counts.unhealthyClusters,
            s.counts.models,
            s.counts.deployments,
            s.counts.gpuPrices,
          ],
        ],
      ),
    ].join("\n"),
  );
}
