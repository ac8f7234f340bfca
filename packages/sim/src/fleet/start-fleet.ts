// Starts the whole simulated fleet: per cluster a store, HTTPS API server and controllers; per cloud an
// artifact store seeded with the demo models in their home clouds; the GLB, load generator and admin API;
// then writes <dataDir>/sim/kubeconfig and <dataDir>/sim/fleet.json.
import path from "node:path";
import { ApiFaults, createApiServer, type ApiServer } from "../apiserver";
import { createArtifactStores, type ArtifactStores } from "../artifacts/artifact-stores";
import { seedDemoArtifacts } from "../artifacts/seed-demo-artifacts";
import { startS3Server, type S3Server } from "../artifacts/s3-server";
import { StoreFaults } from "../artifacts/store-faults";
import { startGatewayController } from "../traffic/gateway-controller";
import { startGlb, type Glb } from "../traffic/glb";
import { startLoadGenerator, type LoadGenerator } from "../traffic/load-generator";
import { WeightTable } from "../traffic/traffic-router";
import { startAdminApi, type AdminApi } from "./admin-api";
import { startClusterRuntime, type ClusterRuntime } from "./cluster-runtime";
import { applyFault, type Fault, type FaultTarget } from "./fleet-faults";
import {
  ensureCredentials,
  ensureStoreKeys,
  writeObjectStores,
  writeFleetManifest,
  writeKubeconfig,
  writePrometheusTargets,
  type ClusterCredentials,
  type FleetManifest,
} from "./fleet-files";
import { loadFleetConfig, withPortOffset, type FleetConfig } from "./fleet-config";
import { seedWorkloads } from "./seed-workloads";
import { serviceEndpoints } from "./service-endpoints";
import { SimClock } from "./sim-clock";

export interface StartFleetOptions {
  configPath: string;
  dataDir: string;
  /** Overrides the fleet file's timeScale (tests use ~0.02). */
  timeScale?: number;
  /** Overrides load.enabled (the CLI's --no-load). */
  load?: boolean;
  /** false: skip the fleet file's demo workloads (`npm start` has Tern deploy them through its driver). */
  workloads?: boolean;
  /** A config object instead of reading configPath (tests). */
  config?: FleetConfig;
  /** Added to every fixed port of the fleet file (TERN_SIM_PORT_OFFSET): a second fleet beside a running one. */
  portOffset?: number;
  faults?: Fault[];
  log?: (line: string) => void;
}

export interface SimCluster {
  runtime: ClusterRuntime;
  api: ApiServer;
  credentials: ClusterCredentials;
}

export interface Fleet {
  config: FleetConfig;
  clusters: Map<string, SimCluster>;
  artifacts: ArtifactStores;
  /** Every cloud's store over the S3 API (bucket = cloud id), and its faults (outage, bandwidth). */
  s3: S3Server;
  storeFaults: StoreFaults;
  weights: WeightTable;
  glb: Glb;
  load: LoadGenerator | undefined;
  admin: AdminApi;
  faultTargets: Map<string, FaultTarget>;
  manifest: FleetManifest;
  /** prometheusTargets is a file_sd_configs file listing every /metrics endpoint. */
  paths: { simDir: string; kubeconfig: string; manifest: string; prometheusTargets: string; objectStores: string };
  stop(): Promise<void>;
}

export async function startFleet(opts: StartFleetOptions): Promise<Fleet> {
  const log = opts.log ?? (() => {});
  const config = withPortOffset(opts.config ?? (await loadFleetConfig(opts.configPath)), opts.portOffset ?? 0);
  const timeScale = opts.timeScale ?? config.timeScale;
  const clock = new SimClock(timeScale);
  const simDir = path.resolve(opts.dataDir, "sim");
  const artifacts = createArtifactStores(path.join(simDir, "artifacts"));
  const seeded = await seedDemoArtifacts(artifacts, (m) => config.modelHomes[m.name] ?? []);
  log(
    `artifact stores in ${artifacts.root} (${seeded.filter((s) => s.written).length} demo artifacts written, ${seeded.length} present)`,
  );
  const credentials = await ensureCredentials(
    simDir,
    config.clusters.map((c) => c.name),
  );

  const storeKeys = await ensureStoreKeys(
    simDir,
    config.clouds.map((c) => c.id),
  );

  const clusters = new Map<string, SimCluster>();
  const started: (() => Promise<void>)[] = [];
  const storeFaults = new StoreFaults();
  try {
    const s3 = await startS3Server({
      port: config.s3Port,
      stores: artifacts,
      faults: storeFaults,
      buckets: config.clouds.map((c) => ({ cloudId: c.id, region: c.region, ...storeKeys[c.id]! })),
    });
    started.push(() => s3.close());
    log(`object stores (S3 API, path-style, bucket = cloud id): ${s3.endpoint}`);
    for (const cc of config.clusters) {
      const runtime = await startClusterRuntime({ fleet: config, cluster: cc, artifacts, clock });
      started.push(() => runtime.stop());
      const cred = credentials[cc.name]!;
      const api = createApiServer({
        store: runtime.store,
        clusterName: cc.name,
        tls: { key: cred.key, cert: cred.cert },
        faults: new ApiFaults(),
        tokens: [
          { token: cred.adminToken, allowed: "all", user: "tern-admin" },
          { token: cred.viewerToken, allowed: "read", user: "tern-viewer" },
        ],
        serviceProxy: serviceEndpoints(runtime.serving, runtime.metrics),
        podLogs: runtime.logs,
      });
      await api.listen(cc.port, "127.0.0.1");
      started.push(() => api.close());
      clusters.set(cc.name, { runtime, api, credentials: cred });
      log(
        `cluster ${cc.name} (${runtime.cloud.provider} ${runtime.cloud.region}): API ${api.url}, data plane ${runtime.dataPlane.url}`,
      );
    }
    if (opts.workloads !== false)
      seedWorkloads(
        config,
        new Map([...clusters].map(([n, c]) => [n, { store: c.runtime.store, cloudId: c.runtime.cloud.id }])),
      );

    const views = () =>
      [...clusters.values()].map((c) => ({
        name: c.runtime.name,
        store: c.runtime.store,
        dataUrl: c.runtime.dataPlane.url,
      }));
    const weights = new WeightTable(views, path.join(simDir, "traffic-weights.json"), {
      propagationMs: config.trafficPropagationMs,
    });
    const glb = await startGlb({ port: config.glbPort, weights, targets: views });
    started.push(() => glb.close());
    if (config.gateway) {
      const gw = clusters.get(config.gateway.cluster)!;
      const controller = startGatewayController({
        cluster: config.gateway.cluster,
        store: gw.runtime.store,
        namespace: config.gateway.namespace,
        gateway: config.gateway.name,
        clusters: views,
        weights,
        propagationMs: config.trafficPropagationMs,
        log,
      });
      started.push(() => Promise.resolve(controller.stop()));
      log(
        `gateway: HTTPRoutes in ${config.gateway.cluster} namespace ${config.gateway.namespace} attached to Gateway ${config.gateway.name} drive the GLB`,
      );
    }
    const loadEnabled = opts.load ?? config.load.enabled;
    const load = loadEnabled
      ? startLoadGenerator({
          ...config.load,
          registry: glb.registry,
          targets: () =>
            weights.models().map((model) => ({
              model,
              inferUrl: glb.inferUrl(model),
              metadataUrl: `${glb.url}/models/${model}/v2/models/${model}`,
            })),
        })
      : undefined;
    if (load) started.push(() => load.stop());

    const faultTargets = new Map([...clusters].map(([n, c]) => [n, { runtime: c.runtime, api: c.api.faults }]));
    const storeTargets = { faults: storeFaults, clouds: config.clouds.map((c) => c.id) };
    for (const f of opts.faults ?? []) log(`fault: ${applyFault(faultTargets, f, storeTargets)}`);
    const kubeconfig = path.join(simDir, "kubeconfig");
    const manifestFile = path.join(simDir, "fleet.json");
    // The admin API serves the manifest, which names the admin API's own URL: fill it once that is known.
    const current: { manifest?: FleetManifest } = {};
    const admin = await startAdminApi({
      port: config.adminPort,
      targets: faultTargets,
      stores: { ...storeTargets, endpoint: s3.endpoint },
      weights,
      loadStats: () => load?.stats(),
      manifest: () => current.manifest,
      log,
    });
    started.push(() => admin.close());
    const manifest = buildManifest(config, clusters, {
      glb,
      admin,
      kubeconfig,
      timeScale,
      loadEnabled,
      artifactsRoot: artifacts.root,
      s3Endpoint: s3.endpoint,
      objectStoresFile: path.join(simDir, "object-stores.json"),
    });
    await writeObjectStores(
      path.join(simDir, "object-stores.json"),
      config.clouds.map((c) => ({
        cloud: c.id,
        endpoint: s3.endpoint,
        bucket: c.id,
        region: c.region,
        ...storeKeys[c.id]!,
      })),
    );
    await writeKubeconfig(
      kubeconfig,
      [...clusters.values()].map((c) => ({
        name: c.runtime.name,
        server: c.api.url,
        caCert: c.credentials.caCert,
        token: c.credentials.adminToken,
      })),
    );
    current.manifest = manifest;
    await writeFleetManifest(manifestFile, manifest);
    await writePrometheusTargets(path.join(simDir, "prometheus-targets.json"), manifest);

    return {
      config,
      clusters,
      artifacts,
      s3,
      storeFaults,
      weights,
      glb,
      load,
      admin,
      faultTargets,
      manifest,
      paths: {
        simDir,
        kubeconfig,
        manifest: manifestFile,
        prometheusTargets: path.join(simDir, "prometheus-targets.json"),
        objectStores: path.join(simDir, "object-stores.json"),
      },
      async stop() {
        clock.stop();
        for (const stop of started.reverse()) await stop();
      },
    };
  } catch (e) {
    clock.stop();
    for (const stop of started.reverse()) await stop().catch(() => {});
    throw e;
  }
}

function buildManifest(
  config: FleetConfig,
  clusters: Map<string, SimCluster>,
  o: {
    glb: Glb;
    admin: AdminApi;
    kubeconfig: string;
    timeScale: number;
    loadEnabled: boolean;
    artifactsRoot: string;
    s3Endpoint: string;
    objectStoresFile: string;
  },
): FleetManifest {
  return {
    version: 1,
    startedAt: new Date().toISOString(),
    pid: process.pid,
    kubeconfig: o.kubeconfig,
    timeScale: o.timeScale,
    glb: {
      url: o.glb.url,
      inferUrlTemplate: `${o.glb.url}/models/{model}/v2/models/{model}/infer`,
      modelsUrl: `${o.glb.url}/models`,
      metricsUrl: `${o.glb.url}/metrics`,
    },
    admin: { url: o.admin.url },
    ...(config.gateway ? { gateway: config.gateway } : {}),
    loadGenerator: {
      enabled: o.loadEnabled,
      minRps: config.load.minRps,
      maxRps: config.load.maxRps,
      dayLengthSeconds: config.load.dayLengthSeconds,
    },
    clouds: config.clouds.map((c) => ({
      id: c.id,
      provider: c.provider,
      region: c.region,
      artifactStore: `sim://${c.id}/ (${path.join(o.artifactsRoot, c.id)})`,
      objectStore: { endpoint: o.s3Endpoint, bucket: c.id, region: c.region, uriPrefix: `s3://${c.id}/` },
    })),
    objectStores: { s3Endpoint: o.s3Endpoint, settingsFile: o.objectStoresFile },
    clusters: [...clusters.values()].map(({ runtime, api }) => {
      const gpus: Record<string, number> = {};
      for (const p of runtime.config.nodePools) gpus[p.gpuType] = (gpus[p.gpuType] ?? 0) + p.gpusPerNode * p.nodes;
      return {
        name: runtime.name,
        context: runtime.name,
        cloud: runtime.cloud.id,
        provider: runtime.cloud.provider,
        region: runtime.cloud.region,
        residency: runtime.config.residency,
        apiServer: api.url,
        dataPlane: runtime.dataPlane.url,
        metricsUrl: `${runtime.dataPlane.url}/metrics`,
        serviceUrlTemplate: `${runtime.dataPlane.url}/namespaces/{namespace}/services/{service}`,
        gpus,
        nodes: runtime.config.nodePools.reduce((n, p) => n + p.nodes, 0),
      };
    }),
  };
}
