// Parses a pasted kubeconfig (YAML or JSON) and applies Tern's safety rules before its credentials are stored.
import {
  assemble,
  checkToken,
  insecureFlag,
  parseApiServer,
  pemData,
  type ClusterCredentials,
  type ExtractedCredentials,
} from "./credential-checks";
import { fail, RAW_HINT, shown, STATIC_HINT } from "./kubeconfig-error";
import { parseKubeconfig, str, type Kubeconfig, type Rec } from "./parse-kubeconfig";
import { refuseUnsafe } from "./refuse-unsafe-auth";

export { KubeconfigError, type KubeconfigErrorCode } from "./kubeconfig-error";
export { credentialsFromToken, type ClusterCredentials, type ExtractedCredentials } from "./credential-checks";

export interface KubeContextSummary {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
  /** The cluster's server as written, or "" when the context names a missing cluster. */
  server: string;
}

/** The contexts for a picker; currentContext only when it names one of them. */
export function listContexts(text: string): {
  contexts: KubeContextSummary[];
  currentContext?: string;
} {
  const kc = parseKubeconfig(text);
  const contexts = [...kc.contexts].map(([name, ctx]): KubeContextSummary => {
    const where = `kubeconfig context '${shown(name)}'`;
    const cluster = str(ctx, "cluster", where) ?? "";
    const namespace = str(ctx, "namespace", where);
    const clusterWhere = `kubeconfig cluster '${shown(cluster)}'`;
    const server = str(kc.clusters.get(cluster) ?? {}, "server", clusterWhere) ?? "";
    const user = str(ctx, "user", where) ?? "";
    return { name, cluster, user, server, ...(namespace ? { namespace } : {}) };
  });
  const current = kc.currentContext;
  return {
    contexts,
    ...(current && kc.contexts.has(current) ? { currentContext: current } : {}),
  };
}

function quotedNames(map: Map<string, Rec>): string {
  return [...map.keys()].map((name) => `'${shown(name)}'`).join(", ") || "none";
}

function chooseContext(kc: Kubeconfig, requested: string | undefined): string {
  const available = `available contexts: ${quotedNames(kc.contexts)}`;
  if (kc.contexts.size === 0) {
    fail("NO_CONTEXT", `kubeconfig has no contexts; paste the output of ${RAW_HINT} run with the context you want`);
  }
  if (requested !== undefined) {
    if (!kc.contexts.has(requested)) {
      fail("NO_CONTEXT", `kubeconfig has no context named '${shown(requested)}'; ${available}`);
    }
    return requested;
  }
  const current = kc.currentContext;
  if (current !== undefined && !kc.contexts.has(current)) {
    fail(
      "NO_CONTEXT",
      `kubeconfig current-context '${shown(current)}' is not one of its contexts; pick one — ${available}`,
    );
  }
  if (current !== undefined) return current;
  const [only, ...others] = kc.contexts.keys();
  if (only === undefined || others.length > 0) {
    fail("NO_CONTEXT", `kubeconfig has no current-context; pick one — ${available}`);
  }
  return only;
}

function userCredentials(userName: string, user: Rec): ClusterCredentials {
  const who = `kubeconfig user '${shown(userName)}'`;
  const token = checkToken(str(user, "token", who), `${who} token`);
  const cert = pemData(str(user, "client-certificate-data", who), `${who} client-certificate-data`);
  const key = pemData(str(user, "client-key-data", who), `${who} client-key-data`);
  const username = str(user, "username", who);
  const password = str(user, "password", who, true);
  if (!cert !== !key) {
    fail(
      "INVALID_CREDENTIALS",
      `${who} has only one of client-certificate-data and client-key-data; a client certificate needs both`,
    );
  }
  if (!username !== !password) {
    fail("INVALID_CREDENTIALS", `${who} has only one of username and password; basic auth needs both`);
  }
  if (!token && !cert && !username) {
    fail(
      "NO_CREDENTIALS",
      `${who} has no credentials; Tern needs a token, a client certificate and key (client-certificate-data and client-key-data), or a username and password — ${STATIC_HINT}`,
    );
  }
  return {
    token,
    clientCertificateData: cert,
    clientKeyData: key,
    username,
    password,
  };
}

/**
 * The API server and credentials of one context (default: current-context, or the only context).
 * Throws KubeconfigError for an unreadable kubeconfig or one Tern refuses to use.
 */
export function extractCredentials(text: string, contextName?: string): ExtractedCredentials & { contextName: string } {
  const kc = parseKubeconfig(text);
  const name = chooseContext(kc, contextName);
  const ctx = kc.contexts.get(name) ?? {};
  const where = `kubeconfig context '${shown(name)}'`;
  const clusterName = str(ctx, "cluster", where);
  if (!clusterName) {
    fail("INVALID_KUBECONFIG", `${where} names no cluster; set its cluster to one of: ${quotedNames(kc.clusters)}`);
  }
  const cluster = kc.clusters.get(clusterName);
  if (!cluster) {
    fail(
      "INVALID_KUBECONFIG",
      `${where} refers to cluster '${shown(clusterName)}', which is not in clusters (found: ${quotedNames(kc.clusters)})`,
    );
  }
  const userName = str(ctx, "user", where);
  if (!userName) {
    fail("NO_CREDENTIALS", `${where} names no user; ${STATIC_HINT}`);
  }
  const user = kc.users.get(userName);
  if (!user) {
    fail(
      "INVALID_KUBECONFIG",
      `${where} refers to user '${shown(userName)}', which is not in users (found: ${quotedNames(kc.users)})`,
    );
  }

  refuseUnsafe(userName, user, clusterName, cluster);
  const clusterWhere = `kubeconfig cluster '${shown(clusterName)}'`;
  const server = parseApiServer(str(cluster, "server", clusterWhere), `${clusterWhere} server`);
  const ca = pemData(
    str(cluster, "certificate-authority-data", clusterWhere),
    `${clusterWhere} certificate-authority-data`,
  );
  const insecure = insecureFlag(cluster["insecure-skip-tls-verify"], ca !== undefined, clusterWhere);
  const credentials = {
    ...userCredentials(userName, user),
    certificateAuthorityData: ca,
  };
  return { ...assemble(server, credentials, insecure), contextName: name };
}
