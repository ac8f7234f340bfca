// Runs the local Alertmanager of `npm start`, routing every alert to Tern's webhook receiver with its token.
import { env } from "../env.ts";
import { ensureAlertsTokenFile } from "../alerts/alerts-token-file.ts";
import { ALERT_WEBHOOK_PATH } from "../dev-tools/local-alertmanager/alertmanager-config.ts";
import {
  findAlertmanager,
  startAlertmanager,
  type LocalAlertmanager,
} from "../dev-tools/local-alertmanager/alertmanager-process.ts";
import { errorMessage } from "../domain/error-message.ts";

export async function startLocalAlertmanager(opts: {
  dataDir: string;
  port: number;
  appPort: string;
  log: (m: string) => void;
}): Promise<LocalAlertmanager | null> {
  const bin = findAlertmanager(env().ALERTMANAGER_BIN);
  if (!bin) {
    opts.log(
      "Alertmanager not found (apt-get install prometheus-alertmanager, or set ALERTMANAGER_BIN): SLO alerts are off",
    );
    return null;
  }
  try {
    const am = await startAlertmanager({
      bin,
      dataDir: opts.dataDir,
      port: opts.port,
      webhookUrl: `http://127.0.0.1:${opts.appPort}${ALERT_WEBHOOK_PATH}`,
      // The app checks the same token (TERN_ALERTS_TOKEN, or the one generated into the data folder).
      token: env().TERN_ALERTS_TOKEN || ensureAlertsTokenFile(opts.dataDir),
    });
    opts.log(`Alertmanager on ${am.url}`);
    return am;
  } catch (e) {
    opts.log(`Alertmanager did not start, so SLO alerts are off: ${errorMessage(e)}`);
    return null;
  }
}
