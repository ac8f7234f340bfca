// Inputs for clusters: import by kubeconfig or by API URL + token, list filters.
import { z } from "zod";
import { CLUSTER_HEALTH } from "../domain/values";
import { zDnsName, zId, zListInput, zProvider, zRegion } from "./common";

export const zResidencyTag = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "residency tags are short lowercase words such as 'eu', 'cn' or 'us'");

export const zPrometheusUrl = z
  .union([
    z.literal(""),
    z.url({ protocol: /^https?$/, error: "Prometheus URL must be an http(s) URL such as http://prometheus:9090" }),
  ])
  .optional()
  .transform((v) => (v ? v : undefined));

/** Tags as a list, or as the comma-separated text a form field holds ("eu, gdpr"). */
export const zResidencyTags = z
  .union([
    z.string().transform((s) =>
      s
        .split(/[,\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
    z.array(z.string()),
  ])
  .pipe(z.array(zResidencyTag).max(10, "at most 10 residency tags"))
  .default([]);

const zClusterFields = z.object({
  cloudId: zId.describe("cloud"),
  name: zDnsName("cluster name"),
  region: zRegion,
  prometheusUrl: zPrometheusUrl,
  residencyTags: zResidencyTags,
  /** An admin's explicit confirmation that plain http / skipped TLS verification is acceptable. */
  confirmInsecure: z.boolean().default(false),
});

export const zKubeconfigText = z
  .string()
  .min(1, "paste or upload a kubeconfig")
  .max(
    256 * 1024,
    "kubeconfig is larger than 256 KiB; export one context with `kubectl config view --raw --flatten --minify`",
  );

export const ZImportClusterRequest = z.discriminatedUnion("source", [
  zClusterFields.extend({
    source: z.literal("kubeconfig"),
    kubeconfig: zKubeconfigText,
    context: z.string().min(1, "pick a context from the kubeconfig"),
  }),
  zClusterFields.extend({
    source: z.literal("token"),
    apiServer: z.url({ protocol: /^https?$/, error: "API server must be a URL such as https://10.0.0.1:6443" }),
    token: z
      .string()
      .min(1, "token is required")
      .max(16 * 1024),
    certificateAuthorityData: z
      .string()
      .max(64 * 1024)
      .optional(),
  }),
]);
export type ImportClusterRequest = z.infer<typeof ZImportClusterRequest>;

export const ZInspectKubeconfigRequest = z.object({ kubeconfig: zKubeconfigText });
export const ZInspectKubeconfigResponse = z.object({
  currentContext: z.string().nullable(),
  contexts: z.array(
    z.object({
      name: z.string(),
      cluster: z.string(),
      server: z.string(),
      namespace: z.string().nullable(),
      problem: z.string().nullable(),
    }),
  ),
});

export const ZUpdateClusterRequest = z.object({
  id: zId,
  region: zRegion,
  prometheusUrl: zPrometheusUrl,
  residencyTags: zResidencyTags,
});

export const ZListClustersRequest = zListInput(["name", "region", "health", "createdAt"] as const, "name").extend({
  provider: zProvider.optional(),
  health: z.enum(CLUSTER_HEALTH).optional(),
  cloudId: zId.optional(),
});
export type ListClustersRequest = z.input<typeof ZListClustersRequest>;

export const ZCluster = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  apiServer: z.string(),
  cloud: z.object({ id: z.string(), name: z.string(), provider: zProvider }),
  insecureTls: z.boolean(),
  insecureConfirmed: z.boolean(),
  prometheusUrl: z.string().nullable(),
  residencyTags: z.array(z.string()),
  health: z.enum(CLUSTER_HEALTH),
  gpuCapacity: z.record(z.string(), z.object({ allocatable: z.number(), allocated: z.number() })),
  nodes: z.array(
    z.object({ name: z.string(), ready: z.boolean(), gpuType: z.string().nullable(), gpuAllocatable: z.number() }),
  ),
  healthMessage: z.string().nullable(),
  lastSeenAt: z.date().nullable(),
  createdAt: z.date(),
});
export type ClusterDto = z.infer<typeof ZCluster>;
