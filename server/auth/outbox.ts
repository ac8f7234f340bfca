// The local outbox: Tern sends no mail itself. In embedded mode a message (an invite link) is printed on
// the console and appended to <TERN_DATA_DIR>/outbox.log, so a developer can follow it; with a database
// server nothing is written (the admin copies the link from the invite dialog and sends it).
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { env, isEmbedded } from "../env";
import { logger } from "../log";

export async function deliverToOutbox(msg: { to: string; subject: string; body: string }): Promise<void> {
  if (!isEmbedded()) return;
  const text = `To: ${msg.to}\nSubject: ${msg.subject}\n\n${msg.body}\n`;
  logger("outbox").info(`embedded mode, no mail is sent:\n${text}`);
  const dir = env().TERN_DATA_DIR;
  await mkdir(dir, { recursive: true }).catch(() => undefined);
  await appendFile(path.join(dir, "outbox.log"), `${new Date().toISOString()}\n${text}\n`, { mode: 0o600 }).catch(
    () => undefined,
  );
}
