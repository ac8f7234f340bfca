// The simulator's own list latency: GET /api/v1/pods over 5,000 pods, through @kubernetes/client-node (typed, as the
// simulator's conformance tests use it) and as kubectl asks for it (as=Table). The API server runs in a child process.
import https from "node:https";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { Figure } from "./list-bench.ts";
import { measure, type Timing } from "./measure.ts";
import { startSimFleet } from "./sim-fleet-client.ts";
import type { SimEndpoint } from "./sim-fleet-protocol.ts";

const PODS = 5_000;
const RUNS = 30;
const WARMUP = 3;
/** kubectl's Accept for `get`: a server-side printed Table, falling back to the plain list. */
const TABLE_ACCEPT =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

function coreClient(ep: SimEndpoint): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "sim", server: ep.url, caData: ep.caData }],
    users: [{ name: "bench", token: ep.token }],
    contexts: [{ name: "sim", cluster: "sim", user: "bench" }],
    currentContext: "sim",
  });
  return kc.makeApiClient(CoreV1Api);
}

/** One unpaged table list (kubectl itself pages by 500; this is the whole list in one response). */
function getTable(ep: SimEndpoint, agent: https.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${ep.url}/api/v1/pods`,
      { agent, headers: { authorization: `Bearer ${ep.token}`, accept: TABLE_ACCEPT } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode !== 200) return reject(new Error(`GET /api/v1/pods as Table answered ${res.statusCode}`));
          resolve((JSON.parse(Buffer.concat(chunks).toString("utf8")) as { rows: unknown[] }).rows.length);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

const expectAll = (n: number) => {
  if (n !== PODS) throw new Error(`listed ${n} pods, expected ${PODS}`);
};

export async function runSimListBench(): Promise<Figure[]> {
  const fleet = await startSimFleet();
  let agent: https.Agent | undefined;
  try {
    const ep = await fleet.call("startPodCluster", { pods: PODS, namespaces: 10 });
    // Kept alive like client-node's connections, so both figures time the request, not a TLS handshake.
    const tableAgent = (agent = new https.Agent({ keepAlive: true, ca: Buffer.from(ep.caData, "base64") }));
    const core = coreClient(ep);
    const typed = await measure(
      async () => expectAll((await core.listPodForAllNamespaces()).items.length),
      RUNS,
      WARMUP,
    );
    const table = await measure(async () => expectAll(await getTable(ep, tableAgent)), RUNS, WARMUP);
    const fig = (name: string, t: Timing): Figure[] => [
      { name: `${name}.p50`, value: t.p50, unit: "ms" },
      { name: `${name}.p95`, value: t.p95, unit: "ms" },
    ];
    return [...fig("list_pods_5000", typed), ...fig("list_pods_5000_table", table)];
  } finally {
    agent?.destroy();
    await fleet.close();
  }
}
