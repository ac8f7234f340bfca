// Relays the change bus between app replicas through PostgreSQL LISTEN/NOTIFY (a PostgreSQL server only;
// embedded mode has one process and keeps the in-process bus). Notices carry ids only; a notice lost while
// the listener reconnects is caught by the pages' periodic refetch and the workers' ticks.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { deliverChange, setChangeRelay, type Change } from "./change-bus";

export const CHANGE_CHANNEL = "tern_changes";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below. */
const MAX_PAYLOAD = 7600;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;

const KIND = { deployment: "d", migration: "m", cluster: "c", embed: "e" } as const;
const KIND_OF: Record<string, Change["kind"]> = { d: "deployment", m: "migration", c: "cluster", e: "embed" };
const REASONS: Record<Change["kind"], readonly string[]> = {
  deployment: ["spec", "status"],
  migration: ["state", "step"],
  cluster: ["health"],
  embed: ["revoked", "origins"],
};

type Wire = [string, string, string, string];

export interface ChangeFeed {
  /** Resolves once this process is LISTENing (the first time). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Decodes one notification payload from another replica; null for this process's own or a malformed one. */
export function decodeChanges(payload: string, ownOrigin: string): Change[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || !("o" in parsed) || !("c" in parsed)) return null;
  const { o, c } = parsed;
  if (o === ownOrigin || !Array.isArray(c)) return null;
  const out: Change[] = [];
  for (const item of c as unknown[]) {
    if (!Array.isArray(item) || item.length !== 4 || !item.every((x) => typeof x === "string")) continue;
    const [k, teamId, id, reason] = item as Wire;
    const kind = KIND_OF[k];
    if (!kind || !REASONS[kind].includes(reason)) continue;
    out.push({ kind, teamId, id, reason } as Change);
  }
  return out;
}

/** Packs changes into as few NOTIFY payloads as fit under the size limit, dropping exact repeats. */
export function encodeChanges(changes: Change[], origin: string): string[] {
  const seen = new Set<string>();
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const head = `{"o":${JSON.stringify(origin)},"c":[`;
  const flush = () => {
    if (batch.length) payloads.push(`${head}${batch.join(",")}]}`);
    batch = [];
    size = head.length + 2;
  };
  flush();
  for (const ch of changes) {
    const item = JSON.stringify([KIND[ch.kind], ch.teamId, ch.id, ch.reason] satisfies Wire);
    if (seen.has(item)) continue;
    seen.add(item);
    if (size + item.length + 1 > MAX_PAYLOAD) flush();
    batch.push(item);
    size += item.length + 1;
  }
  flush();
  return payloads;
}

export function startChangeFeed(opts: {
  databaseUrl: string;
  log: (level: "info" | "warn", m: string) => void;
}): ChangeFeed {
  const origin = randomUUID();
  let stopped = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // Publishing: one pooled connection (it reconnects by itself), changes of one tick sent together.
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 1, idleTimeoutMillis: 30_000 });
  pool.on("error", (e) => opts.log("warn", `change feed: the publishing connection failed: ${e.message}`));
  let outbox: Change[] = [];
  let lastPublishWarning = 0;
  const flush = () => {
    const changes = outbox;
    outbox = [];
    for (const payload of encodeChanges(changes, origin)) {
      pool.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, payload]).catch((e: unknown) => {
        // Other replicas see this change on their next refetch; say so at most once a minute.
        if (Date.now() - lastPublishWarning > 60_000) {
          lastPublishWarning = Date.now();
          opts.log(
            "warn",
            `change feed: could not notify other replicas (${e instanceof Error ? e.message : String(e)}); they refetch within seconds`,
          );
        }
      });
    }
  };
  setChangeRelay((change) => {
    if (stopped) return;
    if (outbox.length === 0) setImmediate(flush);
    outbox.push(change);
  });

  // Listening: one dedicated connection, reconnected with capped exponential backoff.
  const schedule = () => {
    if (stopped || retry) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
  };
  const drop = (c: pg.Client, why: string) => {
    if (client !== c) return;
    client = null;
    c.removeAllListeners("notification");
    c.end().catch(() => {});
    if (!stopped) {
      opts.log("warn", `change feed: lost the database connection (${why}); reconnecting`);
      schedule();
    }
  };
  async function connect() {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl, keepAlive: true });
    client = c;
    c.on("error", (e) => drop(c, e.message));
    c.on("end", () => drop(c, "connection closed"));
    c.on("notification", (msg) => {
      if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
      for (const change of decodeChanges(msg.payload, origin) ?? []) deliverChange(change);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (client !== c) return;
      if (attempt > 0) opts.log("info", "change feed: listening again");
      attempt = 0;
      markReady();
    } catch (e) {
      drop(c, e instanceof Error ? e.message : String(e));
    }
  }
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      setChangeRelay(null);
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await Promise.all([c?.end().catch(() => {}), pool.end().catch(() => {})]);
    },
  };
}
