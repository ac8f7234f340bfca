// Inputs and DTOs for embed links (read-only chart links for wikis) and the team's allowed wiki origins.
import { z } from "zod";
import { zId, zListInput } from "./common";

export const EMBED_METRICS = ["latency", "requests", "errors", "replicas", "cost"] as const;
export type EmbedMetric = (typeof EMBED_METRICS)[number];

/** Ranges a link can show, in minutes: the dashboard's 15 min, 1 h, 6 h, 24 h and 7 d. */
export const EMBED_RANGES = [15, 60, 360, 1440, 10_080] as const;
export const DEFAULT_EMBED_RANGE = 1440;
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 90;
export const MAX_EMBED_ORIGINS = 20;
/** The chart's size when a wiki does not ask for one (?w=&h=). */
export const DEFAULT_EMBED_SIZE = { width: 800, height: 300 } as const;
export const EMBED_STATUSES = ["active", "expired", "revoked"] as const;
export type EmbedStatus = (typeof EMBED_STATUSES)[number];

export const zEmbedMetric = z.enum(EMBED_METRICS, { error: `metric must be one of ${EMBED_METRICS.join(", ")}` });

export const ZCreateEmbedRequest = z.object({
  deploymentId: zId,
  metric: zEmbedMetric,
  rangeMinutes: z.coerce
    .number()
    .int()
    .refine((v) => (EMBED_RANGES as readonly number[]).includes(v), {
      error: `range must be one of ${EMBED_RANGES.join(", ")} minutes (15 min, 1 h, 6 h, 24 h or 7 d)`,
    }),
  /** Live charts end at "now" on every view; fixed ones show the range ending when the link was made. */
  live: z.boolean().default(true),
  expiresInDays: z.coerce
    .number()
    .int("expiry is a whole number of days")
    .min(1, "a link must stay valid for at least 1 day")
    .max(MAX_EXPIRY_DAYS, `a link can stay valid for at most ${MAX_EXPIRY_DAYS} days; make a new one when it expires`)
    .default(DEFAULT_EXPIRY_DAYS),
  /** Shown above the chart; Tern writes one ("credit-risk · p95 latency") when left empty. */
  title: z
    .string()
    .trim()
    .max(100, "title must be at most 100 characters")
    .optional()
    .transform((v) => v || undefined),
});
export type CreateEmbedRequest = z.input<typeof ZCreateEmbedRequest>;

/** What `create` answers: the token appears here once and is never stored or shown again. */
export const ZCreatedEmbed = z.object({
  id: z.string(),
  token: z.string(),
  title: z.string(),
  metric: zEmbedMetric,
  rangeMinutes: z.number().int(),
  live: z.boolean(),
  expiresAt: z.date(),
  embedPath: z.string(),
  svgPath: z.string(),
});
export type CreatedEmbedDto = z.infer<typeof ZCreatedEmbed>;

export const ZListEmbedsRequest = zListInput(
  ["createdAt", "expiresAt", "lastUsedAt", "title"] as const,
  "createdAt",
).extend({
  dir: z.enum(["asc", "desc"]).default("desc"),
  status: z.enum(EMBED_STATUSES).optional(),
  deploymentId: zId.optional(),
});
export type ListEmbedsRequest = z.input<typeof ZListEmbedsRequest>;

export const ZEmbedLink = z.object({
  id: z.string(),
  title: z.string(),
  metric: zEmbedMetric,
  rangeMinutes: z.number().int(),
  live: z.boolean(),
  deployment: z.object({ id: z.string(), name: z.string(), namespace: z.string() }),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  status: z.enum(EMBED_STATUSES),
});
export type EmbedLinkDto = z.infer<typeof ZEmbedLink>;

export const ZRevokeEmbedRequest = z.object({ id: zId });

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * One wiki origin, normalised to scheme://host[:port] as browsers compare it in frame-ancestors: https only
 * (http for localhost, for trying it out), no path, query, credentials or wildcards.
 */
export const zEmbedOrigin = z
  .string()
  .trim()
  .min(1, "enter an origin such as https://wiki.example.com")
  .max(200, "an origin is at most 200 characters")
  .transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (raw.includes("*")) return fail(`wildcards are not allowed; list each wiki origin (got '${raw}')`);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail(`'${raw}' is not an origin; write it as https://wiki.example.com`);
    }
    const local = LOCAL_HOSTS.has(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && local))
      return fail(`'${raw}' must start with https:// (plain http is allowed for localhost only)`);
    if (url.username || url.password) return fail(`'${raw}' must not contain a user name or password`);
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || /[?#]/.test(raw))
      return fail(`'${raw}' must be an origin only, without a path: ${url.origin}`);
    return url.origin;
  });

export const ZSetEmbedOriginsRequest = z.object({
  origins: z
    .array(zEmbedOrigin)
    .max(MAX_EMBED_ORIGINS, `at most ${MAX_EMBED_ORIGINS} origins; embed links are meant for a few wikis`)
    .transform((list) => [...new Set(list)]),
});
export type SetEmbedOriginsRequest = z.input<typeof ZSetEmbedOriginsRequest>;

export const ZEmbedOrigins = z.object({ origins: z.array(z.string()) });

/** A status from the stored dates: revocation wins over expiry. */
export function embedStatus(link: { revokedAt: Date | null; expiresAt: Date }, now: Date): EmbedStatus {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
