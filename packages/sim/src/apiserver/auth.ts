// Bearer-token authentication and a two-level authorizer (all / read) with RBAC's Forbidden wording.
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { qualifiedResource } from "../store/resources";
import type { ResourceRoute } from "./router";
import { HttpError } from "./status-errors";

export interface TokenGrant {
  token: string;
  allowed: "all" | "read";
  /** The user name in Forbidden messages; defaults to `tern-admin` / `tern-viewer`. */
  user?: string;
}

export interface User {
  name: string;
  allowed: "all" | "read";
}

export type Verb = "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection";

const READ_VERBS: ReadonlySet<Verb> = new Set(["get", "list", "watch"]);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Undefined when no Authorization header was sent; throws 401 for a token nobody issued. */
export function authenticate(headers: IncomingHttpHeaders, grants: TokenGrant[]): User | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const grant = m ? grants.find((g) => same(g.token, m[1]!)) : undefined;
  if (!grant) throw new HttpError("Unauthorized", "Unauthorized");
  return { name: grant.user ?? (grant.allowed === "all" ? "tern-admin" : "tern-viewer"), allowed: grant.allowed };
}

export function requireUser(user: User | undefined): User {
  if (!user) throw new HttpError("Unauthorized", "Unauthorized");
  return user;
}

export function authorize(user: User, verb: Verb, r: ResourceRoute): void {
  if (user.allowed === "all" || READ_VERBS.has(verb)) return;
  const resource = r.subresource ? `${r.info.resource}/${r.subresource}` : r.info.resource;
  const scope = r.namespace !== undefined ? `in the namespace "${r.namespace}"` : "at the cluster scope";
  const subject = r.name !== undefined ? `${qualifiedResource(r.info)} "${r.name}"` : qualifiedResource(r.info);
  throw new HttpError(
    "Forbidden",
    `${subject} is forbidden: User "${user.name}" cannot ${verb} resource "${resource}" in API group "${r.info.group}" ${scope}`,
    {
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(r.info.group ? { group: r.info.group } : {}),
      kind: r.info.resource,
    },
  );
}
