// RFC 6902 JSON patch (application/json-patch+json), the default patch type of @kubernetes/client-node.
import { HttpError } from "./status-errors";
import { isRecord } from "./respond";

interface Op {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  from?: string;
  value?: unknown;
}

const fail = (msg: string) => new HttpError("Invalid", msg);

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw fail(`invalid JSON pointer ${JSON.stringify(path)}`);
  return path
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Container = Record<string, unknown> | unknown[];

/** The parent container of `tokens` and the last token; throws like jsonpatch does for a missing parent. */
function parentOf(doc: unknown, tokens: string[], op: string, path: string): [Container, string] {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : isRecord(cur) ? cur[t] : undefined;
    if (cur === undefined)
      throw fail(`jsonpatch ${op} operation does not apply: doc is missing path: ${path}: missing value`);
  }
  if (!Array.isArray(cur) && !isRecord(cur))
    throw fail(`jsonpatch ${op} operation does not apply: doc is missing path: ${path}: missing value`);
  return [cur, tokens[tokens.length - 1]!];
}

function index(arr: unknown[], token: string, forAdd: boolean, op: string, path: string): number {
  if (forAdd && token === "-") return arr.length;
  const i = Number(token);
  if (!/^\d+$/.test(token) || i > arr.length || (!forAdd && i === arr.length))
    throw fail(`jsonpatch ${op} operation does not apply: doc is missing path: ${path}: missing value`);
  return i;
}

function get(doc: unknown, path: string, op: string): unknown {
  let cur: unknown = doc;
  for (const t of pointer(path)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : isRecord(cur) ? cur[t] : undefined;
    if (cur === undefined)
      throw fail(`jsonpatch ${op} operation does not apply: doc is missing path: ${path}: missing value`);
  }
  return cur;
}

function remove(doc: unknown, path: string, op: string): unknown {
  const [parent, last] = parentOf(doc, pointer(path), op, path);
  if (Array.isArray(parent)) return parent.splice(index(parent, last, false, op, path), 1)[0];
  if (!(last in parent))
    throw fail(`jsonpatch ${op} operation does not apply: doc is missing key: ${path}: missing value`);
  const v = parent[last];
  delete parent[last];
  return v;
}

function add(doc: unknown, path: string, value: unknown, op: string): unknown {
  const tokens = pointer(path);
  if (tokens.length === 0) return value;
  const [parent, last] = parentOf(doc, tokens, op, path);
  if (Array.isArray(parent)) parent.splice(index(parent, last, true, op, path), 0, value);
  else parent[last] = value;
  return doc;
}

export function jsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw new HttpError("BadRequest", "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let out = structuredClone(doc);
  for (const raw of ops as Op[]) {
    if (!isRecord(raw) || typeof raw.path !== "string")
      throw new HttpError("BadRequest", "invalid JSON patch operation");
    const { op, path } = raw;
    switch (op) {
      case "add":
        out = add(out, path, structuredClone(raw.value), op);
        break;
      case "remove":
        remove(out, path, op);
        break;
      case "replace":
        if (path === "") out = structuredClone(raw.value);
        else {
          remove(out, path, op);
          out = add(out, path, structuredClone(raw.value), op);
        }
        break;
      case "move":
        out = add(out, path, remove(out, raw.from ?? "", op), op);
        break;
      case "copy":
        out = add(out, path, structuredClone(get(out, raw.from ?? "", op)), op);
        break;
      case "test":
        if (JSON.stringify(get(out, path, op)) !== JSON.stringify(raw.value))
          throw fail(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new HttpError("BadRequest", `Unexpected kind: ${String(op)}`);
    }
  }
  return out;
}
