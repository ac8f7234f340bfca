// `tsx packages/sim/src/cli.ts [--config f] [--data-dir .tern] [--no-load] [--time-scale x] [--fault kind=target]…`
// Runs the simulated multi-cloud fleet in the foreground until Ctrl-C.
import path from "node:path";
import { parseArgs } from "node:util";
import { FleetConfigError } from "./fleet/fleet-config";
import { FaultError, parseFaultFlag } from "./fleet/fleet-faults";
import { startFleet } from "./fleet/start-fleet";
import { simEnv } from "./env";

const log = (m: string) => console.log(`[sim] ${m}`);

const USAGE = `usage: npm run sim -- [options]
  --config <file>      fleet file (default packages/sim/src/fleet.config.json)
  --data-dir <dir>     where kubeconfig, fleet.json, credentials and artifact stores live (default .tern)
  --no-load            do not start the load generator
  --no-workloads       do not create the fleet file's demo workloads (npm start deploys them through Tern)
  --port-offset <n>    add n to every fixed port of the fleet file (default $TERN_SIM_PORT_OFFSET or 0), to run
                       a second fleet beside a running one
  --time-scale <x>     scale simulated durations (1 = realistic, 0.1 = 10x faster)
  --fault <spec>       inject a fault at start (repeatable): api-outage=<cluster>[:unavailable],
                       slow-api=<cluster>:<ms>, drop-watches=<cluster>, crash-loop=<cluster>/<ns>/<deployment>,
                       node-loss=<cluster>/<node>, latency-spike=<cluster>/<ns>/<deployment>:<ms>,
                       error-rate=<cluster>/<ns>/<deployment>:<ratio>, wrong-outputs=<cluster>/<ns>/<deployment>[:<delta>],
                       store-outage=<cloud>, slow-store=<cloud>:<bytes per second>`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      "data-dir": { type: "string" },
      "no-load": { type: "boolean" },
      "no-workloads": { type: "boolean" },
      "time-scale": { type: "string" },
      "port-offset": { type: "string" },
      fault: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const timeScale = values["time-scale"] === undefined ? undefined : Number(values["time-scale"]);
  if (timeScale !== undefined && !(timeScale > 0 && timeScale <= 10))
    throw new Error(`--time-scale must be a number in (0, 10] (got ${values["time-scale"]})`);
  const faults = (values.fault ?? []).map(parseFaultFlag);
  const offsetFlag = values["port-offset"];
  if (offsetFlag !== undefined && !/^\d+$/.test(offsetFlag.trim()))
    throw new Error(`--port-offset must be a whole number (got "${offsetFlag}")`);
  const portOffset = offsetFlag === undefined ? simEnv().TERN_SIM_PORT_OFFSET : Number(offsetFlag);
  const dataDir = values["data-dir"] ?? simEnv().TERN_DATA_DIR;
  const fleet = await startFleet({
    configPath: values.config ?? path.join(import.meta.dirname, "fleet.config.json"),
    dataDir,
    ...(timeScale !== undefined ? { timeScale } : {}),
    portOffset,
    ...(values["no-load"] ? { load: false } : {}),
    ...(values["no-workloads"] ? { workloads: false } : {}),
    faults,
    log,
  });
  const rel = path.relative(process.cwd(), fleet.paths.kubeconfig);
  const kc = rel && !rel.startsWith("..") ? rel : fleet.paths.kubeconfig;
  const firstModel = fleet.config.workloads[0]?.model ?? "credit-risk";
  log(`fleet ready: ${fleet.clusters.size} clusters. Try:`);
  log(`  KUBECONFIG=${kc} kubectl get nodes`);
  log(
    `  KUBECONFIG=${kc} kubectl --context ${fleet.config.clusters[1]?.name ?? fleet.config.clusters[0]!.name} get deployments,pods -A`,
  );
  log(`  curl -s ${fleet.glb.inferUrl(firstModel).replace(/\/infer$/, "")}            # model metadata via the GLB`);
  log(`  curl -s ${fleet.admin.url}/traffic ; curl -s ${fleet.admin.url}/load`);
  log(
    `  curl -s -XPOST -H 'content-type: application/json' ${fleet.admin.url}/faults -d '{"kind":"node-loss","cluster":"${fleet.config.clusters[0]!.name}","node":"…"}'`,
  );
  log(`  object stores over S3 at ${fleet.s3.endpoint} (bucket = cloud id; keys in ${fleet.paths.objectStores})`);
  log(
    `fleet manifest: ${fleet.paths.manifest}${fleet.load ? "; load generator on" : "; load generator off"}. Ctrl-C stops.`,
  );

  let stopping = false;
  const stop = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${sig})…`);
    fleet
      .stop()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  const known = e instanceof FleetConfigError || e instanceof FaultError;
  console.error(
    `[sim] could not start: ${known || !(e instanceof Error) ? String(e instanceof Error ? e.message : e) : (e.stack ?? e.message)}`,
  );
  if (e instanceof Error && "code" in e && e.code === "EADDRINUSE")
    console.error(
      "[sim] a port in the fleet file is taken: is another simulator (or `npm start`) running? Stop it, or set TERN_SIM_PORT_OFFSET=1000 (--port-offset) to move every simulator port",
    );
  process.exit(1);
});
