// Builds a driver from a Cluster row's API URL and encrypted credentials (as import-cluster stored them).
import { z } from "zod";
import { decryptClusterCredentials, getEncryptionKey } from "../../crypto/credentials";
import { connectCluster } from "./connect-cluster";
import { DriverError } from "./driver-error";
import type { ClusterDriver } from "./types";
import { errorMessage } from "../../domain/error-message";

const StoredCredentials = z.object({
  token: z.string().optional(),
  clientCertificateData: z.string().optional(),
  clientKeyData: z.string().optional(),
  certificateAuthorityData: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  insecureSkipTlsVerify: z.boolean().optional(),
});

export interface StoredCluster {
  /** The row's id: v2 credentials are bound to it and cannot be used for another cluster. */
  clusterId: string;
  apiServer: string;
  credentialsCipher: string;
}

/** Throws DriverError (kind "unknown") when the credentials cannot be decrypted or have an unexpected shape. */
export function connectStoredCluster(
  cluster: StoredCluster,
  opts: { key?: Uint8Array; timeoutMs?: number } = {},
): ClusterDriver {
  let raw: unknown;
  try {
    raw = decryptClusterCredentials(cluster.credentialsCipher, opts.key ?? getEncryptionKey(), cluster.clusterId).value;
  } catch (err) {
    // decryptJson's messages never hold key or plaintext, so they are safe to pass on.
    throw new DriverError({
      kind: "unknown",
      message: errorMessage(err, "cluster credentials could not be decrypted"),
    });
  }
  const parsed = StoredCredentials.safeParse(raw);
  if (!parsed.success) {
    throw new DriverError({
      kind: "unknown",
      message: "the stored cluster credentials have an unexpected shape; re-import the cluster's kubeconfig",
    });
  }
  return connectCluster({
    apiServer: cluster.apiServer,
    credentials: parsed.data,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
}
