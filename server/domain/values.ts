// The one list of every domain value (roles, providers, phases, health, …), in display order, plus the role
// ladder. Client-safe: only type imports, so components, the server and e2e specs all read it.
import type {
  ApiScope,
  AuditOutcome,
  ClusterHealth,
  DeploymentPhase,
  ModelFormat,
  Provider,
  Role,
} from "../generated/prisma/enums";

export type { ApiScope, AuditOutcome, ClusterHealth, DeploymentPhase, ModelFormat, Provider, Role };

/** Lists exactly the members of T: a value added to the schema's enum fails to compile until it is listed here. */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;
}

/** Lowest first: each role can do everything the roles before it can. */
export const ROLES = allOf<Role>()(["VIEWER", "OPERATOR", "APPROVER", "ADMIN"]);
export const PROVIDERS = allOf<Provider>()(["AWS", "GCP", "AZURE", "ALIYUN", "HUAWEI", "TENCENT", "LEPTON", "ONPREM"]);
export const MODEL_FORMATS = allOf<ModelFormat>()(["ONNX", "TORCHSCRIPT", "SAVEDMODEL", "SAFETENSORS"]);
export const CLUSTER_HEALTH = allOf<ClusterHealth>()(["HEALTHY", "DEGRADED", "UNREACHABLE", "UNKNOWN"]);
/** In the order a rollout passes through them; also the order `sort=phase` gives (PostgreSQL sorts enums so). */
export const DEPLOYMENT_PHASES = allOf<DeploymentPhase>()([
  "Pending",
  "Progressing",
  "Ready",
  "Degraded",
  "Failed",
  "Terminating",
]);
/** What an API token may do, and the least role its user needs for each (a token never exceeds its user). */
export const API_SCOPES = allOf<ApiScope>()(["READ", "DEPLOY", "MIGRATE", "APPROVE", "ADMIN"]);
export const SCOPE_MIN_ROLE: Record<ApiScope, Role> = {
  READ: "VIEWER",
  DEPLOY: "OPERATOR",
  MIGRATE: "OPERATOR",
  APPROVE: "APPROVER",
  ADMIN: "ADMIN",
};
export const AUDIT_OUTCOMES = allOf<AuditOutcome>()(["SUCCESS", "DENIED", "FAILED", "PENDING"]);

/** Phases the status sync derives from a cluster; Terminating is Tern's own, set when a deletion is requested. */
export type ObservedPhase = Exclude<DeploymentPhase, "Terminating">;

/** The browser cookie that holds the selected team (a preference, not a credential). */
export const TEAM_COOKIE = "TERN_TEAM";

export function roleAtLeast(have: Role | null | undefined, need: Role): boolean {
  if (!have) return false;
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** The member of `values` equal to `raw` (e.g. a URL parameter), or undefined: narrows untrusted text to the enum. */
export function oneOf<T extends string>(values: readonly T[], raw: string | null | undefined): T | undefined {
  return values.find((v) => v === raw);
}
