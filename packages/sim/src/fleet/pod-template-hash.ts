// The pod-template-hash a Deployment stamps on its ReplicaSets and pods: FNV-32a of the template, printed
// as decimal and safe-encoded (as controller.ComputeHash and rand.SafeEncodeString do), e.g. "7d4b9c8f5".
import { asObj, type Obj } from "./k8s-objects";

export const HASH_LABEL = "pod-template-hash";
const SAFE = "bcdfghjklmnpqrstvwxz2456789";

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = asObj(v);
  if (o) {
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The template without the hash label, so a ReplicaSet's template compares equal to its Deployment's. */
export function templateWithoutHash(template: unknown): Obj {
  const t = structuredClone(asObj(template) ?? {});
  const meta = asObj(t.metadata);
  const labels = asObj(meta?.labels);
  if (labels) delete labels[HASH_LABEL];
  return t;
}

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const n = fnv32a(stableStringify(templateWithoutHash(template)) + (collisionCount ? String(collisionCount) : ""));
  return [...String(n)].map((d) => SAFE[d.charCodeAt(0) % SAFE.length]!).join("");
}

/** EqualIgnoreHash: two pod templates are the same apart from the pod-template-hash label. */
export const sameTemplate = (a: unknown, b: unknown) =>
  stableStringify(templateWithoutHash(a)) === stableStringify(templateWithoutHash(b));
