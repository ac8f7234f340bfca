// The tail of a deployment's pod logs, read live through the cluster driver (a quick, time-limited read):
// only pods labelled as this team's deployment can be read, and cluster failures come back as data.
import {
  connectStoredCluster,
  DEPLOYMENT_ID_LABEL,
  DriverError,
  MODEL_CONTAINER,
  type ClusterDriver,
  type PodInfo,
} from "../../clusters/driver";
import { AppError, notFound } from "../../errors";
import type { DeploymentLogsDto, DeploymentLogsRequest } from "../../validation/deployment";
import type { TeamScope } from "../context";

/** A log view waits this long on the cluster; a slower answer is an error on the panel, not a hung page. */
const LOG_READ_TIMEOUT_MS = 5_000;

const asError = (e: unknown) =>
  e instanceof DriverError
    ? { kind: e.kind, message: e.message }
    : { kind: "unknown", message: "the cluster's logs could not be read; try again" };

/** Ready pods first, then by name: the default pod is the one most likely to be serving. */
const byReadiness = (a: PodInfo, b: PodInfo) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name);

export async function readDeploymentLogs(
  opts: TeamScope & { input: DeploymentLogsRequest },
): Promise<DeploymentLogsDto> {
  const { input } = opts;
  const d = await opts.prisma.deployment.findFirst({
    where: { id: input.id, teamId: opts.teamId },
    select: {
      id: true,
      namespace: true,
      cluster: { select: { id: true, apiServer: true, credentialsCipher: true } },
    },
  });
  if (!d) throw notFound("deployment");
  const empty = { pods: [], pod: null, container: null, lines: [], truncated: false, fetchedAt: new Date() };
  let driver: ClusterDriver;
  let pods: PodInfo[];
  try {
    const c = d.cluster;
    const row = { clusterId: c.id, apiServer: c.apiServer, credentialsCipher: c.credentialsCipher };
    driver = connectStoredCluster(row, { timeoutMs: LOG_READ_TIMEOUT_MS });
    pods = (await driver.listPods(d.namespace, `${DEPLOYMENT_ID_LABEL}=${d.id}`)).sort(byReadiness);
  } catch (e) {
    return { ...empty, error: asError(e) };
  }
  const summaries = pods.map((p) => ({ name: p.name, phase: p.phase, ready: p.ready, restarts: p.restarts }));
  const chosen = input.pod ? pods.find((p) => p.name === input.pod) : pods[0];
  if (input.pod && !chosen)
    throw new AppError(
      "NOT_FOUND",
      `pod ${input.pod} is not one of this deployment's pods (it may have been replaced); pick another`,
    );
  if (!chosen) return { ...empty, pods: summaries, error: null };
  const names = chosen.containers ?? [];
  const container = names.includes(MODEL_CONTAINER) ? MODEL_CONTAINER : (names[0] ?? null);
  const base = { ...empty, pods: summaries, pod: chosen.name, container };
  try {
    const logs = await driver.readPodLogs(d.namespace, chosen.name, {
      ...(container ? { container } : {}),
      tailLines: input.tailLines,
      previous: input.previous,
      timestamps: input.timestamps,
    });
    return { ...base, lines: logs.lines, truncated: logs.truncated, fetchedAt: new Date(), error: null };
  } catch (e) {
    return { ...base, error: asError(e) };
  }
}
