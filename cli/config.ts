// Where `tern login` keeps the server URL and token: $XDG_CONFIG_HOME/tern/config.json (else ~/.config/tern),
// readable by the user only (0600). TERN_URL and TERN_TOKEN override the file, for pipelines.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError, EXIT } from "./errors";

export interface CliConfig {
  url: string;
  token: string;
}

// The CLI is a client: its settings are the user's environment, not the server's validated env().
// eslint-disable-next-line no-restricted-properties
const environment = process.env;

export function configPath(): string {
  const base = environment.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "tern", "config.json");
}

async function readStored(): Promise<Partial<CliConfig>> {
  try {
    const parsed = JSON.parse(await readFile(configPath(), "utf8")) as Partial<CliConfig>;
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(EXIT.USAGE, `cannot read ${configPath()}: it is not valid JSON; run \`tern login\` again`);
  }
}

/** The server and token to use: environment first, then the file `tern login` wrote. */
export async function loadConfig(): Promise<CliConfig> {
  const stored = await readStored();
  const url = environment.TERN_URL || stored.url;
  const token = environment.TERN_TOKEN || stored.token;
  if (!url || !token)
    throw new CliError(
      EXIT.AUTH,
      "not logged in: run `tern login --url https://tern.example.com` with an API token (Settings → API tokens), or set TERN_URL and TERN_TOKEN",
    );
  return { url: normalizeUrl(url), token };
}

export async function saveConfig(config: CliConfig): Promise<string> {
  const file = configPath();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  // writeFile keeps the mode of a file that already existed: tighten it either way.
  await chmod(file, 0o600);
  return file;
}

export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(EXIT.USAGE, `'${raw}' is not a URL; give Tern's address such as https://tern.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new CliError(EXIT.USAGE, `Tern's URL must be http(s) (got ${url.protocol})`);
  return url.origin + url.pathname.replace(/\/+$/, "");
}

export const tokenFromEnvironment = () => environment.TERN_TOKEN;
