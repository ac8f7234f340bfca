// The REST API client: JSON over /api/v1 with the Bearer token. Errors become CliErrors carrying the server's
// own message and an exit code; the token never appears in a message.
import { CliError, EXIT, exitCodeForStatus } from "./errors";
import type { CliConfig } from "./config";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class TernClient {
  constructor(private readonly config: CliConfig) {}

  get url() {
    return this.config.url;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.config.token}`,
      accept: "application/json",
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.config.url}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(120_000),
      });
    } catch (e) {
      const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
      throw new CliError(EXIT.FAILED, `cannot reach Tern at ${this.config.url} (${this.redact(cause)})`);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page, say: report the status without the body.
    }
    if (!res.ok) {
      const message =
        json && typeof json === "object" && "message" in json && typeof json.message === "string"
          ? json.message
          : `HTTP ${res.status} ${res.statusText}`;
      const issues =
        json && typeof json === "object" && "issues" in json && Array.isArray(json.issues)
          ? (json.issues as { path?: (string | number)[]; message?: string }[])
              .map((i) => `  ${i.path?.length ? `${i.path.join(".")}: ` : ""}${i.message ?? ""}`)
              .join("\n")
          : "";
      const hint = res.status === 401 ? " (run `tern login` again, or check TERN_TOKEN)" : "";
      throw new CliError(exitCodeForStatus(res.status), this.redact(message + hint + (issues ? `\n${issues}` : "")));
    }
    return json as T;
  }

  get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const q = Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    return this.request<T>("GET", q ? `${path}?${q}` : path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  /** Every item of a paged list (100 per request). */
  async all<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const res = await this.get<Page<T>>(path, { ...query, page, pageSize: 100 });
      items.push(...res.items);
      if (res.items.length === 0 || items.length >= res.total) return items;
    }
  }

  private redact(message: string): string {
    return message.split(this.config.token).join("tern_pat_***");
  }
}
