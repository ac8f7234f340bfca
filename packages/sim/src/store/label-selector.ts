// Parses and matches Kubernetes label selectors (=, ==, !=, in, notin, exists, !key, gt, lt), as labels.Parse does.
import { StoreError } from "./store-error";

export type LabelRequirement =
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" }
  | { key: string; op: "gt" | "lt"; value: number };

export type LabelSelector = LabelRequirement[];

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function bad(selector: string, why: string): StoreError {
  return new StoreError("BadRequest", `unable to parse requirement: ${why} (in selector ${JSON.stringify(selector)})`);
}

/** Splits on commas that are not inside `( … )`, since `in (a,b)` lists use commas too. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function checkKey(selector: string, key: string): string {
  if (!KEY.test(key)) throw bad(selector, `invalid label key ${JSON.stringify(key)}`);
  return key;
}

function checkValue(selector: string, value: string): string {
  if (value.length > 63 || !VALUE.test(value)) throw bad(selector, `invalid label value ${JSON.stringify(value)}`);
  return value;
}

function parseRequirement(selector: string, raw: string): LabelRequirement {
  const part = raw.trim();
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (setMatch) {
    const values = setMatch[3]!.split(",").map((v) => checkValue(selector, v.trim()));
    return { key: checkKey(selector, setMatch[1]!), op: setMatch[2] as "in" | "notin", values };
  }
  if (part.startsWith("!")) return { key: checkKey(selector, part.slice(1).trim()), op: "!" };
  const opMatch = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(.*)$/.exec(part);
  if (opMatch) {
    const key = checkKey(selector, opMatch[1]!);
    const op = opMatch[2]!;
    const value = opMatch[3]!.trim();
    if (op === "<" || op === ">") {
      const n = Number(value);
      if (!Number.isInteger(n)) throw bad(selector, `for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, op: op === ">" ? "gt" : "lt", value: n };
    }
    return { key, op: op === "!=" ? "notin" : "in", values: [checkValue(selector, value)] };
  }
  return { key: checkKey(selector, part), op: "exists" };
}

export function parseLabelSelector(selector: string | undefined): LabelSelector {
  if (!selector || selector.trim() === "") return [];
  return splitTopLevel(selector).map((raw) => {
    if (raw.trim() === "") throw bad(selector, "found '', expected: identifier");
    return parseRequirement(selector, raw);
  });
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return sel.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "exists":
        return has;
      case "!":
        return !has;
      case "in":
        return has && r.values.includes(v!);
      case "notin":
        return !has || !r.values.includes(v!);
      case "gt":
        return has && Number.isInteger(Number(v)) && Number(v) > r.value;
      case "lt":
        return has && Number.isInteger(Number(v)) && Number(v) < r.value;
    }
  });
}

/** metav1.LabelSelector (matchLabels + matchExpressions) as used in deployment and replica set specs. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] }[];
}

export function selectorFromSpec(spec: LabelSelectorSpec): LabelSelector {
  const reqs: LabelSelector = Object.entries(spec.matchLabels ?? {}).map(([key, v]) => ({
    key,
    op: "in",
    values: [v],
  }));
  for (const e of spec.matchExpressions ?? []) {
    if (e.operator === "In" || e.operator === "NotIn")
      reqs.push({ key: e.key, op: e.operator === "In" ? "in" : "notin", values: e.values ?? [] });
    else reqs.push({ key: e.key, op: e.operator === "Exists" ? "exists" : "!" });
  }
  return reqs;
}
