// Object keys in etcd order and opaque continue tokens for paginated lists.
import { RESOURCES } from "./resources";
import { StoreError } from "./store-error";
import type { ResourceName } from "./types";

/** `namespace/name` for namespaced objects, `name` otherwise: sorting these gives the order etcd lists in. */
export const objectKey = (res: ResourceName, namespace: string | undefined, name: string): string =>
  RESOURCES[res].namespaced ? `${namespace ?? ""}/${name}` : name;

export function encodeContinue(rv: number, startAfter: string): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: startAfter })).toString("base64url");
}

export function decodeContinue(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { start?: unknown };
    if (typeof parsed.start === "string") return parsed.start;
  } catch {
    // fall through to the error a real server gives for a token it cannot read
  }
  throw new StoreError(
    "BadRequest",
    "continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)",
  );
}
