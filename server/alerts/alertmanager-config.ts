// alertmanager.yml for the local Alertmanager: every alert goes to Tern's webhook receiver (with its bearer token),
// grouped per alert and deployment, resolutions included.
import { stringify } from "yaml";

export const ALERT_WEBHOOK_PATH = "/api/alerts/alertmanager";

export function renderAlertmanagerConfig(o: { webhookUrl: string; token: string; groupWaitSeconds?: number }): string {
  const config = {
    route: {
      receiver: "tern",
      group_by: ["alertname", "tern_deployment_id"],
      group_wait: `${o.groupWaitSeconds ?? 10}s`,
      group_interval: "1m",
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
  return `# Written by Tern (server/alerts/alertmanager-config.ts) at every start.\n${stringify(config)}`;
}
