// The Deployment controller: one ReplicaSet per pod template (named <deployment>-<pod-template-hash>, owned
// by the Deployment), rolling or recreate updates, revision history, and the status kubectl rollout reads.
import type { KubeObject, ObjectStore } from "../store/object-store";
import { computeDeploymentStatus, desiredReplicas, newReplicaSetCondition } from "./deployment-status";
import type { EventRecorder } from "./events";
import { asNumber, asObj, isOwnedBy, ownerRefTo, type Obj } from "./k8s-objects";
import { HASH_LABEL, podTemplateHash, sameTemplate } from "./pod-template-hash";
import { startReconcileLoop, type ReconcileLoop } from "./reconcile-loop";
import { recreateStep, rollingStep, type RsCounts } from "./rollout";
import type { SimClock } from "./sim-clock";

const SOURCE = { component: "deployment-controller" };
const REVISION = "deployment.kubernetes.io/revision";

const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
const specReplicas = (rs: KubeObject) => asNumber(rs.spec?.replicas) ?? 0;
const statusNum = (rs: KubeObject, k: string) => asNumber(rs.status?.[k]) ?? 0;

function counts(rs: KubeObject): RsCounts {
  return {
    name: rs.metadata.name,
    replicas: specReplicas(rs),
    actual: statusNum(rs, "replicas"),
    available: statusNum(rs, "availableReplicas"),
    revision: revisionOf(rs),
  };
}

export class DeploymentController {
  private readonly loop: ReconcileLoop;

  constructor(
    private readonly store: ObjectStore,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
  ) {
    this.loop = startReconcileLoop({
      name: "deployment-controller",
      store,
      clock,
      watch: ["deployments", "replicasets"],
      resyncMs: 1_000,
      reconcile: () => this.reconcileAll(),
    });
  }

  stop(): void {
    this.loop.stop();
  }

  private reconcileAll(): void {
    const allRs = this.store.list("replicasets").items;
    for (const d of this.store.list("deployments").items) {
      if (d.metadata.deletionTimestamp) continue;
      this.reconcile(
        d,
        allRs.filter((rs) => rs.metadata.namespace === d.metadata.namespace && isOwnedBy(rs, d)),
      );
    }
  }

  private reconcile(d: KubeObject, owned: KubeObject[]): void {
    const { namespace, name } = d.metadata;
    const desired = desiredReplicas(d);
    let newRs = owned.find((rs) => sameTemplate(rs.spec?.template, d.spec?.template));
    const old = owned.filter((rs) => rs !== newRs);
    const maxOldRevision = Math.max(0, ...old.map(revisionOf));
    // A paused Deployment still scales, but template changes wait for the resume (kubectl rollout pause).
    if (d.spec?.paused === true) {
      if (newRs && old.every((rs) => specReplicas(rs) === 0)) this.scale(d, newRs, desired);
      return this.syncStatus(d);
    }
    if (!newRs) {
      newRs = this.createReplicaSet(d, maxOldRevision + 1, old.some((rs) => specReplicas(rs) > 0) ? 0 : desired);
      this.store.mutate(
        "deployments",
        namespace,
        name,
        (o) => (o.status = { ...o.status, conditions: newReplicaSetCondition(d, newRs!.metadata.name, true) }),
        { subresource: "status" },
      );
      d = this.store.get("deployments", namespace, name)!;
    } else if (revisionOf(newRs) <= maxOldRevision) {
      // A rollback to an older template: its ReplicaSet becomes the newest revision again.
      newRs = this.store.mutate(
        "replicasets",
        namespace,
        newRs.metadata.name,
        (o) => (o.metadata.annotations = { ...o.metadata.annotations, [REVISION]: String(maxOldRevision + 1) }),
      );
    }
    if (d.metadata.annotations?.[REVISION] !== String(revisionOf(newRs))) {
      d = this.store.mutate(
        "deployments",
        namespace,
        name,
        (o) => (o.metadata.annotations = { ...o.metadata.annotations, [REVISION]: String(revisionOf(newRs)) }),
      );
    }

    const strategy = asObj(d.spec?.strategy);
    const step =
      strategy?.type === "Recreate"
        ? recreateStep(desired, counts(newRs), old.map(counts))
        : rollingStep(desired, strategy, counts(newRs), old.map(counts));
    for (const [rsName, replicas] of step)
      this.scale(d, owned.find((r) => r.metadata.name === rsName) ?? newRs, replicas);
    this.cleanupHistory(d, old);
    this.syncStatus(d);
  }

  private createReplicaSet(d: KubeObject, revision: number, replicas: number): KubeObject {
    const template = structuredClone<Obj>(asObj(d.spec?.template) ?? {});
    const hash = podTemplateHash(template);
    const meta: Obj = { ...asObj(template.metadata) };
    template.metadata = meta;
    meta.labels = { ...asObj(meta.labels), [HASH_LABEL]: hash };
    const selector = structuredClone<Obj>(asObj(d.spec?.selector) ?? {});
    selector.matchLabels = { ...asObj(selector.matchLabels), [HASH_LABEL]: hash };
    const rs = this.store.create("replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(meta.labels as Record<string, string>) },
        annotations: {
          [REVISION]: String(revision),
          "deployment.kubernetes.io/desired-replicas": String(desiredReplicas(d)),
          "deployment.kubernetes.io/max-replicas": String(desiredReplicas(d)),
        },
        ownerReferences: [ownerRefTo(d)],
      },
      spec: { replicas, minReadySeconds: asNumber(d.spec?.minReadySeconds) ?? 0, selector, template },
    });
    if (replicas > 0) this.scaledEvent(d, rs.metadata.name, 0, replicas);
    return rs;
  }

  private scale(d: KubeObject, rs: KubeObject, replicas: number): void {
    const from = specReplicas(rs);
    if (from === replicas) return;
    this.store.mutate("replicasets", rs.metadata.namespace, rs.metadata.name, (o) => {
      o.spec = { ...o.spec, replicas, minReadySeconds: asNumber(d.spec?.minReadySeconds) ?? 0 };
      o.metadata.annotations = {
        ...o.metadata.annotations,
        "deployment.kubernetes.io/desired-replicas": String(desiredReplicas(d)),
      };
    });
    this.scaledEvent(d, rs.metadata.name, from, replicas);
  }

  private scaledEvent(d: KubeObject, rsName: string, from: number, to: number): void {
    const verb = to > from ? "up" : "down";
    this.events.record(d, SOURCE, {
      type: "Normal",
      reason: "ScalingReplicaSet",
      message: `Scaled ${verb} replica set ${rsName} from ${from} to ${to}`,
    });
  }

  /** Keeps at most revisionHistoryLimit old ReplicaSets that are fully scaled down (oldest removed first). */
  private cleanupHistory(d: KubeObject, old: KubeObject[]): void {
    const limit = asNumber(d.spec?.revisionHistoryLimit) ?? 10;
    const idle = old
      .filter((rs) => specReplicas(rs) === 0 && statusNum(rs, "replicas") === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      if (this.store.get("replicasets", rs.metadata.namespace, rs.metadata.name))
        this.store.delete("replicasets", rs.metadata.namespace, rs.metadata.name);
    }
  }

  private syncStatus(d: KubeObject): void {
    const { namespace, name } = d.metadata;
    const current = this.store.get("deployments", namespace, name);
    if (!current) return;
    const rss = this.store.list("replicasets", { namespace }).items.filter((rs) => isOwnedBy(rs, current));
    const newRs = rss.find((rs) => sameTemplate(rs.spec?.template, current.spec?.template));
    const sum = (f: (rs: KubeObject) => number) => rss.reduce((n, rs) => n + f(rs), 0);
    const status = computeDeploymentStatus(
      current,
      {
        specTotal: sum(specReplicas),
        replicas: sum((rs) => statusNum(rs, "replicas")),
        updatedReplicas: newRs ? statusNum(newRs, "replicas") : 0,
        readyReplicas: sum((rs) => statusNum(rs, "readyReplicas")),
        availableReplicas: sum((rs) => statusNum(rs, "availableReplicas")),
      },
      newRs?.metadata.name,
      Date.now(),
      this.clock.timeScale,
    );
    this.store.mutate("deployments", namespace, name, (o) => (o.status = status), { subresource: "status" });
  }
}
