// `tern login`: checks the URL and token with a real call, then stores them for the user only (0600).
import { createInterface } from "node:readline/promises";
import { TernClient } from "../client";
import { normalizeUrl, saveConfig, tokenFromEnvironment } from "../config";
import { CliError, EXIT } from "../errors";

export async function login(o: { url?: string; token?: string }) {
  const interactive = process.stdin.isTTY;
  const url = normalizeUrl(o.url || (interactive ? await ask("Tern URL: ") : ""));
  // From the flag, TERN_TOKEN, a prompt, or one line on stdin (`… | tern login --url …`, kept out of `ps`).
  let token = o.token || tokenFromEnvironment() || (interactive ? await ask("API token: ") : await firstLine());
  token = token.trim();
  if (!token)
    throw new CliError(EXIT.USAGE, "give an API token (Settings → API tokens) with --token, TERN_TOKEN or on stdin");
  const client = new TernClient({ url, token });
  const me = await client.get<{ user: { email: string }; team: { name: string; role: string } }>("/status");
  const file = await saveConfig({ url, token });
  console.log(`logged in to ${url} as ${me.user.email} in team ${me.team.name} (${me.team.role}); saved to ${file}`);
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function firstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split("\n")[0] ?? "";
}
