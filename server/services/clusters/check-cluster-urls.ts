// Input checks on a cluster's API and Prometheus URLs: no cloud metadata addresses (SSRF), and a cluster's
// "own" Prometheus may not be the shared one under another spelling (that would drop the per-cluster filter).
// These hold for every role: an admin's "accept insecure connection" confirms plain http, never an address.
import { env } from "../../env";
import { AppError } from "../../errors";
import { resolvesToSamePrometheus } from "../../metrics/same-prometheus";
import { refusedUrlReason } from "../../net/guarded-lookup";

export async function checkApiServerUrl(apiServer: string, field = "apiServer"): Promise<void> {
  const reason = await refusedUrlReason(apiServer);
  if (reason) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `the cluster API URL is refused: ${reason}, and Tern never connects to cloud metadata services; use the cluster's real API address`,
      field,
    );
  }
}

export async function checkPrometheusUrl(
  prometheusUrl: string | null | undefined,
  sharedUrl = env().TERN_PROMETHEUS_URL,
): Promise<void> {
  if (!prometheusUrl) return;
  const reason = await refusedUrlReason(prometheusUrl);
  if (reason) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      `the Prometheus URL is refused: ${reason}, and Tern never connects to cloud metadata services`,
      "prometheusUrl",
    );
  }
  if (sharedUrl && (await resolvesToSamePrometheus(prometheusUrl, sharedUrl))) {
    throw new AppError(
      "UNPROCESSABLE_CONTENT",
      "that Prometheus URL is Tern's shared Prometheus (TERN_PROMETHEUS_URL); leave the field empty to use it — a cluster's own Prometheus must be a different server",
      "prometheusUrl",
    );
  }
}
