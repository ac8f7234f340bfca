// Builds the @kubernetes/client-node clients for one cluster from plain data, with a timeout on every request.
import {
  AppsV1Api,
  AuthorizationV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  PatchStrategy,
  VersionApi,
  Watch,
  setHeaderOptions,
  type ConfigurationOptions,
  type ObservableMiddleware,
} from "@kubernetes/client-node";
import { guardedConnect, refuseUnsafeTargets } from "../../net/guarded-dispatcher";
import { DriverError, toDriverError, type ErrorContext } from "./driver-error";
import type { ConnectOptions } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const FIELD_MANAGER = "tern";

export interface KubeClients {
  apiServer: string;
  timeoutMs: number;
  core: CoreV1Api;
  apps: AppsV1Api;
  authz: AuthorizationV1Api;
  /** CRD-style groups the generated clients lack (Gateway API HTTPRoutes). */
  custom: CustomObjectsApi;
  autoscaling: AutoscalingV2Api;
  version: VersionApi;
  watch: Watch;
  /** For requests the generated clients cannot make (a services/proxy POST with a body). */
  kubeConfig: KubeConfig;
  /** Request options: the timeout, plus a Content-Type for patches. */
  options(patch?: PatchStrategy): ConfigurationOptions<ObservableMiddleware>;
  /** Runs one API call and turns any failure into a DriverError naming `ctx`. */
  call<T>(ctx: Omit<ErrorContext, "apiServer" | "timeoutMs">, fn: () => Promise<T>): Promise<T>;
}

/**
 * A KubeConfig whose every request (API calls and watches alike) goes through Tern's SSRF guards: each resolved
 * address is checked at connect time, metadata IP literals are refused, and redirects are not followed.
 */
class GuardedKubeConfig extends KubeConfig {
  override createDispatcherOptions(
    ...args: Parameters<KubeConfig["createDispatcherOptions"]>
  ): ReturnType<KubeConfig["createDispatcherOptions"]> {
    const o = super.createDispatcherOptions(...args);
    // "none" would fall back to undici's global dispatcher, which has no lookup guard. Tern never sets a proxy-url.
    if (o.type === "none")
      return { type: "agent", connect: { ...guardedConnect, keepAlive: true, keepAliveInitialDelay: 30_000 } };
    if (o.type === "agent") return { ...o, connect: { ...o.connect, ...guardedConnect } };
    return o;
  }

  override async applySecurityAuthentication(
    context: Parameters<KubeConfig["applySecurityAuthentication"]>[0],
  ): Promise<void> {
    await super.applySecurityAuthentication(context);
    const dispatcher = context.getDispatcher();
    if (dispatcher) context.setDispatcher(dispatcher.compose(refuseUnsafeTargets));
  }
}

function kubeConfigFor({ apiServer, credentials }: ConnectOptions): KubeConfig {
  const kc = new GuardedKubeConfig();
  // The client refuses plain http unless verification is "skipped"; the kubeconfig import already made an admin confirm it.
  const skipTLSVerify = credentials.insecureSkipTlsVerify === true || apiServer.startsWith("http://");
  kc.loadFromOptions({
    clusters: [
      {
        name: "tern",
        server: apiServer,
        skipTLSVerify,
        ...(credentials.certificateAuthorityData ? { caData: credentials.certificateAuthorityData } : {}),
      },
    ],
    users: [
      {
        name: "tern",
        ...(credentials.token ? { token: credentials.token } : {}),
        ...(credentials.clientCertificateData ? { certData: credentials.clientCertificateData } : {}),
        ...(credentials.clientKeyData ? { keyData: credentials.clientKeyData } : {}),
        ...(credentials.username ? { username: credentials.username, password: credentials.password ?? "" } : {}),
      },
    ],
    contexts: [{ name: "tern", cluster: "tern", user: "tern" }],
    currentContext: "tern",
  });
  return kc;
}

function timeoutMiddleware(timeoutMs: number): ObservableMiddleware {
  // The generated API classes take no AbortSignal argument; a middleware is the one place to set it per request.
  return {
    pre: (ctx) => {
      ctx.setSignal(AbortSignal.timeout(timeoutMs));
      return new Observable(Promise.resolve(ctx));
    },
    post: (res) => new Observable(Promise.resolve(res)),
  };
}

export function createKubeClients(opts: ConnectOptions): KubeClients {
  let url: URL;
  try {
    url = new URL(opts.apiServer);
  } catch {
    throw new DriverError({
      kind: "unknown",
      message: "the cluster's API URL is not a valid URL; re-import the cluster",
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DriverError({
      kind: "unknown",
      message: `the cluster's API URL must start with https:// (got ${url.protocol}//)`,
    });
  }
  const apiServer = opts.apiServer.replace(/\/+$/, "");
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const kc = kubeConfigFor({ ...opts, apiServer });
  const timeout = timeoutMiddleware(timeoutMs);
  return {
    apiServer,
    timeoutMs,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    authz: kc.makeApiClient(AuthorizationV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    autoscaling: kc.makeApiClient(AutoscalingV2Api),
    version: kc.makeApiClient(VersionApi),
    watch: new Watch(kc),
    kubeConfig: kc,
    options(patch) {
      const base: ConfigurationOptions<ObservableMiddleware> = {
        middleware: [timeout],
        middlewareMergeStrategy: "append",
      };
      return patch ? setHeaderOptions("Content-Type", patch, base) : base;
    },
    async call(ctx, fn) {
      try {
        return await fn();
      } catch (err) {
        throw toDriverError(err, { ...ctx, apiServer, timeoutMs });
      }
    },
  };
}
