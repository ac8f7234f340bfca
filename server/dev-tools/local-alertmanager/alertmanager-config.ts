// alertmanager.yml for the local Alertmanager: every alert goes to Tern's webhook receiver (with its bearer token),
// grouped per alert and deployment, resolutions included.
import { stringify } from "yaml";

export const ALERT_WEBHOOK_PATH = "/api/alerts/alertmanager";

export function renderAlertmanagerConfig(o: {
  webhookUrl: string;
  token: string;
  groupWaitSeconds?: number;
  /** How soon a group's changes (new alerts, resolutions) are sent after its last notification. */
  groupIntervalSeconds?: number;
}): string {
  const config = {
    route: {
      receiver: "tern",
      group_by: ["alertname", "tern_deployment_id"],
      group_wait: `${o.groupWaitSeconds ?? 10}s`,
      group_interval: `${o.groupIntervalSeconds ?? 60}s`,
      repeat_interval: "4h",
    },
    receivers: [
      {
        name: "tern",
        webhook_configs: [
          {
            url: o.webhookUrl,
            send_resolved: true,
            http_config: { authorization: { type: "Bearer", credentials: o.token } },
          },
        ],
      },
    ],
  };
  return `# Written by Tern (server/dev-tools/local-alertmanager/alertmanager-config.ts) at every start.\n${stringify(config)}`;
}
