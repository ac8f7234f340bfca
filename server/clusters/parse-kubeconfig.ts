// Reads kubeconfig text (YAML or JSON) into named maps, with errors that never quote the text.
import { parseDocument } from "yaml";
import { fail, RAW_HINT, shown } from "./kubeconfig-error";

export type Rec = Record<string, unknown>;
export interface Kubeconfig {
  clusters: Map<string, Rec>;
  contexts: Map<string, Rec>;
  users: Map<string, Rec>;
  currentContext?: string;
}

const MAX_TEXT_LENGTH = 1024 * 1024;
const YAML_PROBLEMS: Partial<Record<string, string>> = {
  BAD_INDENT: "bad indentation",
  TAB_AS_INDENT: "a tab used for indentation (use spaces)",
  DUPLICATE_KEY: "a key that appears twice",
  MULTIPLE_DOCS: "more than one YAML document",
  MISSING_CHAR: "a missing closing quote or bracket",
  BAD_DQ_ESCAPE: "an invalid escape in a double-quoted string",
};

export function isRec(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isRec(value) || Object.keys(value).length > 0;
}

/** A string field, trimmed unless `exact` (passwords may end in spaces); "" counts as unset. */
export function str(rec: Rec, key: string, where: string, exact = false): string | undefined {
  const value = rec[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    fail("INVALID_KUBECONFIG", `${where} ${key} must be a string (put it in quotes)`);
  }
  if (value.trim() === "") return undefined;
  return exact ? value : value.trim();
}

function parseYaml(text: string): unknown {
  if (text.length > MAX_TEXT_LENGTH) {
    fail("TOO_LARGE", `kubeconfig is larger than 1 MiB; paste only the context Tern needs (${RAW_HINT})`);
  }
  // yaml's own messages quote the offending line, which may hold a token: report the position only.
  const doc = parseDocument(text, { uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const at = pos ? ` at line ${pos.line}, column ${pos.col}` : "";
    const problem = YAML_PROBLEMS[first.code] ?? "a syntax error";
    fail(
      "INVALID_YAML",
      `kubeconfig is not valid YAML or JSON: ${problem}${at}; paste the whole file as ${RAW_HINT} prints it`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return fail("INVALID_YAML", "kubeconfig is not valid YAML or JSON: an undefined or excessive alias (*name)");
  }
}

function namedList(root: Rec, key: string, inner: string): Map<string, Rec> {
  const list = root[key] ?? [];
  if (!Array.isArray(list)) fail("INVALID_KUBECONFIG", `kubeconfig ${key} must be a list`);
  const byName = new Map<string, Rec>();
  list.forEach((item: unknown, index) => {
    const where = `kubeconfig ${key}[${index}]`;
    if (!isRec(item)) fail("INVALID_KUBECONFIG", `${where} must be a mapping with name and ${inner}`);
    const name = str(item, "name", where);
    if (!name) fail("INVALID_KUBECONFIG", `${where} has no name`);
    if (byName.has(name)) {
      // client-go would silently keep one of them; the picker and the import could disagree.
      fail("INVALID_KUBECONFIG", `kubeconfig has two ${key} named '${shown(name)}'; rename or remove one`);
    }
    const body = item[inner] ?? {};
    if (!isRec(body)) fail("INVALID_KUBECONFIG", `${where} ${inner} must be a mapping`);
    byName.set(name, body);
  });
  return byName;
}

export function parseKubeconfig(text: string): Kubeconfig {
  const root = parseYaml(text);
  if (root === null || root === undefined) {
    fail("INVALID_KUBECONFIG", `kubeconfig is empty; paste the output of ${RAW_HINT}`);
  }
  if (!isRec(root)) {
    fail("INVALID_KUBECONFIG", "kubeconfig must be a YAML or JSON mapping with clusters, contexts and users");
  }
  const kind = str(root, "kind", "kubeconfig");
  if (kind !== undefined && kind !== "Config") {
    fail(
      "INVALID_KUBECONFIG",
      `this is a Kubernetes ${shown(kind)}, not a kubeconfig (kind: Config); paste the output of ${RAW_HINT}`,
    );
  }
  return {
    clusters: namedList(root, "clusters", "cluster"),
    contexts: namedList(root, "contexts", "context"),
    users: namedList(root, "users", "user"),
    currentContext: str(root, "current-context", "kubeconfig"),
  };
}
