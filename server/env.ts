// Process environment, validated once; every setting Tern reads is listed here (and in the README).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL (leave it unset for the embedded database)")
    .optional(),
  TERN_DATA_DIR: z.string().default(".tern"),
  /** Server log lines: `text` ("[tern] scope: message") or `json` (one object per line, for a log pipeline). */
  TERN_LOG_FORMAT: z.enum(["text", "json"], { error: "TERN_LOG_FORMAT must be text or json" }).default("text"),
  TERN_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { error: "TERN_LOG_LEVEL must be debug, info, warn or error" })
    .default("info"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TERN_PUBLIC_URL: z.url().optional(),
  TERN_AUTH_SECRET: z.string().min(32, "TERN_AUTH_SECRET must be at least 32 characters").optional(),
  TERN_SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  TERN_SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  TERN_SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins allowed per account (email) in 15 minutes, whatever the address. */
  TERN_SIGNIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /** Proxies (IPs/CIDRs, comma-separated) whose X-Forwarded-For is believed; none by default. */
  TERN_TRUSTED_PROXIES: z.string().optional(),
  /** Audit events older than this many days are deleted by the daily prune. */
  TERN_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** Resolved alerts that ended more than this many days ago are deleted by the daily prune; firing ones stay. */
  TERN_ALERT_RETENTION_DAYS: z.coerce
    .number({ error: "TERN_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650" })
    .int("TERN_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650")
    .min(1, "TERN_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650")
    .max(3650, "TERN_ALERT_RETENTION_DAYS must be a whole number of days from 1 to 3650")
    .default(30),
  TERN_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().default("Single sign-on"),
  /** The Prometheus (or Thanos/Mimir) the charts query; a cluster's own Prometheus URL overrides it. */
  TERN_PROMETHEUS_URL: z
    .url({ protocol: /^https?$/, error: "TERN_PROMETHEUS_URL must be an http(s) URL such as http://127.0.0.1:9090" })
    .optional(),
  /** The longest scrape interval among those Prometheus servers: rate() windows span at least 4 of them. */
  TERN_PROMETHEUS_SCRAPE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** The scrape interval of live data (a migration's analysis windows span at least 2); unset: the one above. */
  TERN_PROMETHEUS_LIVE_SCRAPE_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
  /** GET /metrics needs `Authorization: Bearer <token>`; unset: a generated token (embedded) or closed (DATABASE_URL). */
  TERN_METRICS_TOKEN: z.string().min(16, "TERN_METRICS_TOKEN must be at least 16 characters").optional(),
  /** Alertmanager's webhook to Tern (/api/alerts/alertmanager) needs `Authorization: Bearer <token>`; unset: a generated token (embedded) or closed. */
  TERN_ALERTS_TOKEN: z.string().min(16, "TERN_ALERTS_TOKEN must be at least 16 characters").optional(),
  /** The Alertmanager whose API Tern calls for silences (`npm start`: its local one). */
  TERN_ALERTMANAGER_URL: z
    .url({
      protocol: /^https?$/,
      error: "TERN_ALERTMANAGER_URL must be an http(s) URL such as http://127.0.0.1:9093",
    })
    .optional(),
  /** A folder the Prometheus loads rule files from: Tern writes tern-slo.rules.yml there and asks Prometheus to reload. */
  TERN_PROMETHEUS_RULES_DIR: z.string().min(1).optional(),
  /** How long p95 latency must stay above the SLO before its alert fires. */
  TERN_SLO_ALERT_MINUTES: z.coerce
    .number({ error: "TERN_SLO_ALERT_MINUTES must be a whole number of minutes from 1 to 1440" })
    .int("TERN_SLO_ALERT_MINUTES must be a whole number of minutes from 1 to 1440")
    .min(1, "TERN_SLO_ALERT_MINUTES must be a whole number of minutes from 1 to 1440")
    .max(1440, "TERN_SLO_ALERT_MINUTES must be a whole number of minutes from 1 to 1440")
    .default(5),
  /** `1`: /metrics without a token (only where every client that can reach Tern may see every team's names). */
  TERN_METRICS_OPEN: z.enum(["0", "1"]).default("0"),
  /** Encrypts cluster and object-store credentials; checked (format, presence) where it is loaded, see crypto/credentials. */
  TERN_ENCRYPTION_KEY: z.string().optional(),
  /** `off`: this process runs no background workers (a dedicated web tier). */
  TERN_WORKERS: z.enum(["on", "off"], { error: "TERN_WORKERS must be on or off" }).default("on"),
  /** How long a dead replica keeps its cluster-sync and reconciler leases before another replica takes over. */
  TERN_LEASE_TTL_SECONDS: z.coerce
    .number({ error: "TERN_LEASE_TTL_SECONDS must be a whole number of seconds from 2 to 600" })
    .int("TERN_LEASE_TTL_SECONDS must be a whole number of seconds from 2 to 600")
    .min(2, "TERN_LEASE_TTL_SECONDS must be a whole number of seconds from 2 to 600")
    .max(600, "TERN_LEASE_TTL_SECONDS must be a whole number of seconds from 2 to 600")
    .default(20),
  /**
   * Which TrafficRouter shifts a migration's traffic: `auto` (the simulated GLB when `npm start`'s fleet runs, else
   * none), `sim`, `gateway-api` (HTTPRoutes on TERN_GATEWAY_CLUSTER), or `none`.
   */
  TERN_TRAFFIC_ROUTER: z
    .enum(["auto", "sim", "gateway-api", "none"], {
      error: "TERN_TRAFFIC_ROUTER must be auto, sim, gateway-api or none",
    })
    .default("auto"),
  /** gateway-api: the registered cluster (name or id) that holds the HTTPRoutes. */
  TERN_GATEWAY_CLUSTER: z.string().min(1, "TERN_GATEWAY_CLUSTER must name a registered cluster").optional(),
  /** gateway-api: the namespace of Tern's HTTPRoutes (one per model, named like it). */
  TERN_GATEWAY_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "TERN_GATEWAY_NAMESPACE must be a namespace name such as tern-routes")
    .max(63, "TERN_GATEWAY_NAMESPACE must be at most 63 characters")
    .default("tern-routes"),
  /** gateway-api: the Gateway the routes attach to, `name` (in TERN_GATEWAY_NAMESPACE) or `namespace/name`. */
  TERN_GATEWAY_NAME: z
    .string()
    .regex(
      /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
      "TERN_GATEWAY_NAME must be a Gateway name or namespace/name, such as tern-gateway",
    )
    .default("tern-gateway"),
  // `npm start` only (server/cli/start.ts):
  /** `off`: `npm start` without the simulated clouds. */
  TERN_SIM: z.enum(["on", "off"], { error: "TERN_SIM must be on or off" }).default("on"),
  /** Added to every fixed port of the simulated fleet, to run a second one beside a running `npm start`. */
  TERN_SIM_PORT_OFFSET: z.coerce
    .number({ error: "TERN_SIM_PORT_OFFSET must be a whole number from 0 to 40000" })
    .int("TERN_SIM_PORT_OFFSET must be a whole number from 0 to 40000")
    .min(0, "TERN_SIM_PORT_OFFSET must be a whole number from 0 to 40000")
    .max(40_000, "TERN_SIM_PORT_OFFSET must be a whole number from 0 to 40000")
    .default(0),
  /** `off`: `npm start` without the local Prometheus. */
  TERN_PROMETHEUS: z.enum(["on", "off"], { error: "TERN_PROMETHEUS must be on or off" }).default("on"),
  TERN_PROMETHEUS_PORT: z.coerce
    .number()
    .int()
    .min(1024, "TERN_PROMETHEUS_PORT must be a port from 1024 to 65535")
    .max(65535, "TERN_PROMETHEUS_PORT must be a port from 1024 to 65535")
    .default(9464),
  /** `off`: `npm start` without the local Alertmanager (alerts are then neither routed nor recorded). */
  TERN_ALERTMANAGER: z.enum(["on", "off"], { error: "TERN_ALERTMANAGER must be on or off" }).default("on"),
  TERN_ALERTMANAGER_PORT: z.coerce
    .number()
    .int()
    .min(1024, "TERN_ALERTMANAGER_PORT must be a port from 1024 to 65535")
    .max(65535, "TERN_ALERTMANAGER_PORT must be a port from 1024 to 65535")
    .default(9493),
  /** The prometheus binary `npm start` runs; unset: found on PATH. */
  PROMETHEUS_BIN: z.string().optional(),
  /** The Alertmanager binary `npm start` runs; unset: prometheus-alertmanager or alertmanager on PATH. */
  ALERTMANAGER_BIN: z.string().optional(),
  /** `1`: `npm start` rebuilds the app even when a build exists. */
  TERN_REBUILD: z.enum(["0", "1"]).default("0"),
  // Tests and bench only:
  /** Integration tests also run on this PostgreSQL server (a fresh database per test file). */
  TEST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "TEST_DATABASE_URL must be a postgresql:// URL")
    .optional(),
  /** `npm run bench` also runs against this PostgreSQL server. */
  TERN_BENCH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "TERN_BENCH_DATABASE_URL must be a postgresql:// URL")
    .optional(),
});

/** Settings that only make sense together. */
const checked = schema.refine((e) => e.TERN_TRAFFIC_ROUTER !== "gateway-api" || e.TERN_GATEWAY_CLUSTER !== undefined, {
  path: ["TERN_GATEWAY_CLUSTER"],
  message:
    "TERN_TRAFFIC_ROUTER=gateway-api needs TERN_GATEWAY_CLUSTER: the name or id of the registered cluster holding the HTTPRoutes",
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Tern's environment is not valid:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forgets the parsed environment (tests and the bench change process.env between runs). */
export function resetEnv(): void {
  cached = undefined;
}

export const isEmbedded = () => !env().DATABASE_URL;
export const publicUrl = () => env().TERN_PUBLIC_URL ?? `http://localhost:${env().PORT}`;

/** The environment a child process inherits (PATH, HOME, the settings above), with `extra` on top. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
