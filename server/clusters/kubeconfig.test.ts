// Unit tests for kubeconfig parsing, context selection and the import safety rules.
import { describe, expect, it } from "vitest";
import {
  AUTH_PROVIDER_KUBECONFIG,
  CERT_FILES_KUBECONFIG,
  CLIENT_CERT_KUBECONFIG,
  EXEC_KUBECONFIG,
  FIXTURE_CA_DATA,
  FIXTURE_CLIENT_CERT_DATA,
  FIXTURE_CLIENT_KEY_DATA,
  FIXTURE_PASSWORD,
  FIXTURE_TOKEN,
  INSECURE_REMOTE_KUBECONFIG,
  JSON_TOKEN_KUBECONFIG,
  LOOPBACK_TOKEN_KUBECONFIG,
  TOKEN_FILE_KUBECONFIG,
  tokenKubeconfig,
} from "../test/kubeconfig-fixtures";
import {
  credentialsFromToken,
  extractCredentials,
  KubeconfigError,
  listContexts,
  type KubeconfigErrorCode,
} from "./kubeconfig";

/** Runs `fn`, expects a KubeconfigError with `code`, and checks that no secret leaked into it. */
function refusal(fn: () => unknown, code: KubeconfigErrorCode): string {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KubeconfigError);
  const error = caught as KubeconfigError;
  expect(error.code).toBe(code);
  for (const secret of [FIXTURE_TOKEN, FIXTURE_PASSWORD, FIXTURE_CLIENT_KEY_DATA]) {
    expect(error.message).not.toContain(secret);
  }
  return error.message;
}

describe("extractCredentials: accepted kubeconfigs", () => {
  it("reads a loopback token kubeconfig without asking for confirmation", () => {
    expect(extractCredentials(LOOPBACK_TOKEN_KUBECONFIG, "sim-aws-us-east-1")).toEqual({
      contextName: "sim-aws-us-east-1",
      apiServer: "http://127.0.0.1:16443",
      credentials: { token: FIXTURE_TOKEN },
      insecureSkipTlsVerify: false,
      isLoopback: true,
      tlsNeedsConfirmation: false,
    });
  });

  it("reads a client-certificate context with its CA", () => {
    expect(extractCredentials(CLIENT_CERT_KUBECONFIG, "gke-eu-west-4")).toEqual({
      contextName: "gke-eu-west-4",
      apiServer: "https://203.0.113.10:6443",
      credentials: {
        clientCertificateData: FIXTURE_CLIENT_CERT_DATA,
        clientKeyData: FIXTURE_CLIENT_KEY_DATA,
        certificateAuthorityData: FIXTURE_CA_DATA,
      },
      insecureSkipTlsVerify: false,
      isLoopback: false,
      tlsNeedsConfirmation: false,
    });
  });

  it("uses current-context when no context is named, keeping the path prefix without a trailing slash", () => {
    const result = extractCredentials(CLIENT_CERT_KUBECONFIG);
    expect(result.contextName).toBe("aks-westeurope");
    expect(result.apiServer).toBe("https://aks-westeurope.example.com/k8s/clusters/c-1");
    expect(result.credentials).toEqual({
      token: FIXTURE_TOKEN,
      certificateAuthorityData: FIXTURE_CA_DATA,
    });
  });

  it("reads a JSON kubeconfig", () => {
    const result = extractCredentials(JSON_TOKEN_KUBECONFIG, "onprem");
    expect(result.apiServer).toBe("https://k8s.internal.example");
    expect(result.credentials.token).toBe(FIXTURE_TOKEN);
    expect(result.tlsNeedsConfirmation).toBe(false);
  });

  it("uses the only context when there is no current-context", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(/^current-context:.*$/m, "");
    expect(extractCredentials(text).contextName).toBe("sim-aws-us-east-1");
  });

  it("ignores unsafe users of contexts that were not chosen", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(
      "    user:\n      token:",
      "    user:\n      exec: { command: aws }\n      token:",
    );
    expect(() => extractCredentials(text)).toThrow(KubeconfigError);
    expect(extractCredentials(text, "gke-eu-west-4").credentials.clientKeyData).toBe(FIXTURE_CLIENT_KEY_DATA);
  });
});

describe("listContexts", () => {
  it("lists every context with its cluster, user, namespace and server", () => {
    expect(listContexts(CLIENT_CERT_KUBECONFIG)).toEqual({
      currentContext: "aks-westeurope",
      contexts: [
        {
          name: "gke-eu-west-4",
          cluster: "gke-eu-west-4",
          user: "gke-admin",
          server: "https://203.0.113.10:6443",
        },
        {
          name: "aks-westeurope",
          cluster: "aks-westeurope",
          user: "aks-admin",
          namespace: "models",
          server: "https://aks-westeurope.example.com/k8s/clusters/c-1/",
        },
      ],
    });
  });

  it("lists contexts that would be refused, so the picker can show them before the import explains why", () => {
    expect(listContexts(EXEC_KUBECONFIG).contexts.map((c) => c.name)).toEqual(["eks-us-east-1"]);
  });

  it("omits a current-context that names no listed context, and shows a missing cluster's server as empty", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(
      "current-context: sim-aws-us-east-1",
      "current-context: gone",
    ).replace("      cluster: sim-aws-us-east-1", "      cluster: missing");
    const result = listContexts(text);
    expect(result.currentContext).toBeUndefined();
    expect(result.contexts[0]?.server).toBe("");
  });
});

describe("extractCredentials: context errors", () => {
  it("names the available contexts when the requested one does not exist", () => {
    const message = refusal(() => extractCredentials(CLIENT_CERT_KUBECONFIG, "prod"), "NO_CONTEXT");
    expect(message).toContain("no context named 'prod'");
    expect(message).toContain("'gke-eu-west-4', 'aks-westeurope'");
  });

  it("asks for a choice when several contexts exist and none is current", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(/^current-context:.*$/m, "");
    const message = refusal(() => extractCredentials(text), "NO_CONTEXT");
    expect(message).toContain("no current-context");
    expect(message).toContain("'gke-eu-west-4', 'aks-westeurope'");
  });

  it("refuses a kubeconfig without contexts", () => {
    refusal(() => extractCredentials("apiVersion: v1\nkind: Config\nclusters: []\n"), "NO_CONTEXT");
  });

  it("refuses a context that refers to a missing cluster or user, listing the ones present", () => {
    const noCluster = LOOPBACK_TOKEN_KUBECONFIG.replace("      cluster: sim-aws-us-east-1", "      cluster: nope");
    expect(refusal(() => extractCredentials(noCluster), "INVALID_KUBECONFIG")).toContain(
      "refers to cluster 'nope', which is not in clusters (found: 'sim-aws-us-east-1')",
    );
    const noUser = LOOPBACK_TOKEN_KUBECONFIG.replace("      user: sim-aws-us-east-1-admin", "      user: nobody");
    expect(refusal(() => extractCredentials(noUser), "INVALID_KUBECONFIG")).toContain("refers to user 'nobody'");
  });

  it("refuses duplicate context names instead of picking one silently", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(
      "  - name: aks-westeurope\n    context:",
      "  - name: gke-eu-west-4\n    context:",
    );
    expect(refusal(() => listContexts(text), "INVALID_KUBECONFIG")).toContain("two contexts named 'gke-eu-west-4'");
  });
});

describe("extractCredentials: refusals", () => {
  it("refuses an exec credential plugin and says what to paste instead", () => {
    const message = refusal(() => extractCredentials(EXEC_KUBECONFIG), "EXEC_NOT_ALLOWED");
    expect(message).toBe(
      "kubeconfig user 'eks-user' runs a command (exec: aws) to get credentials; Tern does not run commands " +
        "from kubeconfigs — paste a kubeconfig with a static token or client certificate, e.g. from a service account",
    );
  });

  it("names only the program of an exec plugin, even with a token present", () => {
    const text = EXEC_KUBECONFIG.replace(
      "command: aws",
      `command: /usr/local/bin/gke-gcloud-auth-plugin\n        env: [{ name: T, value: ${FIXTURE_TOKEN} }]`,
    );
    const withToken = text.replace("      exec:", `      token: ${FIXTURE_TOKEN}\n      exec:`);
    const message = refusal(() => extractCredentials(withToken), "EXEC_NOT_ALLOWED");
    expect(message).toContain("(exec: gke-gcloud-auth-plugin)");
    expect(message).not.toContain("/usr/local/bin");
  });

  it("refuses an auth-provider without revealing its cached tokens", () => {
    const message = refusal(() => extractCredentials(AUTH_PROVIDER_KUBECONFIG), "AUTH_PROVIDER_NOT_ALLOWED");
    expect(message).toContain("kubeconfig user 'gke-user'");
    expect(message).toContain("auth-provider: gcp, which runs a command");
    expect(message).toContain("static token or client certificate");
  });

  it("refuses an auth-provider even without cmd-path", () => {
    const text = AUTH_PROVIDER_KUBECONFIG.replace(/^ {10}cmd-.*\n/gm, "").replace("name: gcp", "name: oidc");
    const message = refusal(() => extractCredentials(text), "AUTH_PROVIDER_NOT_ALLOWED");
    expect(message).toContain("(auth-provider: oidc)");
  });

  it("refuses tokenFile and says to paste the token itself", () => {
    const message = refusal(() => extractCredentials(TOKEN_FILE_KUBECONFIG), "FILE_REFERENCE_NOT_ALLOWED");
    expect(message).toContain("user 'sa' tokenFile (put the token itself in token");
    expect(message).not.toContain("/var/run/secrets");
  });

  it("refuses certificate file paths, naming each field and its -data variant", () => {
    const message = refusal(() => extractCredentials(CERT_FILES_KUBECONFIG), "FILE_REFERENCE_NOT_ALLOWED");
    expect(message).toContain("user 'minikube' client-certificate (use client-certificate-data)");
    expect(message).toContain("user 'minikube' client-key (use client-key-data)");
    expect(message).toContain("cluster 'minikube' certificate-authority (use certificate-authority-data)");
    expect(message).toContain("kubectl config view --raw --flatten --minify");
  });

  it("refuses a file path even when the -data field is also present", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(
      "      client-key-data:",
      "      client-key: /home/dev/client.key\n      client-key-data:",
    );
    expect(refusal(() => extractCredentials(text, "gke-eu-west-4"), "FILE_REFERENCE_NOT_ALLOWED")).toContain(
      "client-key (use client-key-data)",
    );
  });

  it("refuses impersonation rather than acting with the broader identity", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(
      "      token:",
      "      as: viewer\n      as-groups: [readers]\n      token:",
    );
    expect(refusal(() => extractCredentials(text), "IMPERSONATION_NOT_ALLOWED")).toContain("(as, as-groups)");
  });

  it("refuses a user without credentials", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(/^ {6}token:.*$/m, "      {}").replace(
      "    user:\n      {}",
      "    user: {}",
    );
    const message = refusal(() => extractCredentials(text), "NO_CREDENTIALS");
    expect(message).toContain("kubeconfig user 'sim-aws-us-east-1-admin' has no credentials");
    expect(message).toContain("token, a client certificate and key");
  });

  it("refuses half a client certificate or half a basic-auth pair", () => {
    const noKey = CLIENT_CERT_KUBECONFIG.replace(/^ {6}client-key-data:.*\n/m, "");
    expect(refusal(() => extractCredentials(noKey, "gke-eu-west-4"), "INVALID_CREDENTIALS")).toContain(
      "only one of client-certificate-data and client-key-data",
    );
    const noUser = INSECURE_REMOTE_KUBECONFIG.replace("username: admin, ", "");
    refusal(() => extractCredentials(noUser), "INVALID_CREDENTIALS");
  });

  it("refuses -data fields that are not base64 PEM without echoing them", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(
      `client-key-data: ${FIXTURE_CLIENT_KEY_DATA}`,
      `client-key-data: ${FIXTURE_TOKEN}`,
    );
    expect(refusal(() => extractCredentials(text, "gke-eu-west-4"), "INVALID_CREDENTIALS")).toContain(
      "client-key-data is not base64-encoded PEM",
    );
  });

  it("refuses a token pasted with a Bearer prefix without echoing it", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(`token: ${FIXTURE_TOKEN}`, `token: "Bearer ${FIXTURE_TOKEN}"`);
    expect(refusal(() => extractCredentials(text), "INVALID_CREDENTIALS")).toContain("without 'Bearer '");
  });
});

describe("extractCredentials: server and TLS rules", () => {
  const withServer = (server: string) => tokenKubeconfig({ server });

  it("asks for confirmation when TLS verification is skipped for a remote host", () => {
    const result = extractCredentials(INSECURE_REMOTE_KUBECONFIG);
    expect(result).toMatchObject({
      insecureSkipTlsVerify: true,
      isLoopback: false,
      tlsNeedsConfirmation: true,
    });
    expect(result.credentials).toEqual({
      username: "admin",
      password: FIXTURE_PASSWORD,
    });
  });

  it("keeps a password exactly as written", () => {
    const text = INSECURE_REMOTE_KUBECONFIG.replace(
      `password: ${FIXTURE_PASSWORD}`,
      `password: "  ${FIXTURE_PASSWORD} "`,
    );
    expect(extractCredentials(text).credentials.password).toBe(`  ${FIXTURE_PASSWORD} `);
  });

  it("accepts skipped TLS verification on loopback without confirmation", () => {
    const text = INSECURE_REMOTE_KUBECONFIG.replace("https://10.20.30.40:6443", "https://localhost:6443");
    expect(extractCredentials(text)).toMatchObject({
      insecureSkipTlsVerify: true,
      isLoopback: true,
      tlsNeedsConfirmation: false,
    });
  });

  it.each([
    "http://127.0.0.1:8080",
    "http://127.9.8.7",
    "http://localhost:6443",
    "http://LOCALHOST.:1",
    "http://[::1]:6443",
    "http://127.1:6443",
  ])("accepts plain http to loopback %s without confirmation", (server) => {
    expect(extractCredentials(withServer(server))).toMatchObject({
      isLoopback: true,
      tlsNeedsConfirmation: false,
    });
  });

  it.each([
    "http://10.0.0.5:6443",
    "http://k8s.example.com",
    "http://127.0.0.1.nip.io",
    "http://0.0.0.0:6443",
    "http://[::ffff:127.0.0.1]",
    "http://localhost.example.com",
  ])("asks for confirmation for plain http to %s", (server) => {
    expect(extractCredentials(withServer(server))).toMatchObject({
      isLoopback: false,
      tlsNeedsConfirmation: true,
    });
  });

  it("accepts https to a remote host without confirmation", () => {
    expect(extractCredentials(withServer("https://k8s.example.com:6443"))).toMatchObject({
      isLoopback: false,
      tlsNeedsConfirmation: false,
    });
  });

  it.each([
    ["ftp://k8s.example.com", "must start with https://"],
    ["k8s.example.com:6443", "must start with https://"],
    ["not a url", "is not a valid URL"],
    ["https://k8s.example.com/?x=1", "must not have a query"],
    [`https://admin:${FIXTURE_PASSWORD}@k8s.example.com`, "must not contain a user name or password"],
    ['""', "server is missing"],
  ])("refuses server %s", (server, expected) => {
    expect(refusal(() => extractCredentials(withServer(server)), "INVALID_SERVER")).toContain(expected);
  });

  it("refuses insecure-skip-tls-verify together with a CA, as kubectl does", () => {
    const text = CLIENT_CERT_KUBECONFIG.replace(
      "      server: https://203.0.113.10:6443",
      "      server: https://203.0.113.10:6443\n      insecure-skip-tls-verify: true",
    );
    refusal(() => extractCredentials(text, "gke-eu-west-4"), "INVALID_KUBECONFIG");
  });
});

describe("malformed input", () => {
  it("reports a YAML syntax error by position, without quoting the line that holds the token", () => {
    const text = LOOPBACK_TOKEN_KUBECONFIG.replace(`token: ${FIXTURE_TOKEN}`, `token: "${FIXTURE_TOKEN}`);
    const message = refusal(() => extractCredentials(text), "INVALID_YAML");
    expect(message).toMatch(/^kubeconfig is not valid YAML or JSON: .* at line \d+, column \d+/);
  });

  it.each([
    ["duplicate keys", `${LOOPBACK_TOKEN_KUBECONFIG}current-context: other\n`, "a key that appears twice"],
    [
      "several documents",
      `${LOOPBACK_TOKEN_KUBECONFIG}---\n${LOOPBACK_TOKEN_KUBECONFIG}`,
      "more than one YAML document",
    ],
    ["tab indentation", "clusters:\n\t- name: a\n", "at line 2"],
    ["a broken JSON", JSON_TOKEN_KUBECONFIG.slice(0, -2), "not valid YAML or JSON"],
    ["an undefined alias", "users: *nobody\n", "alias"],
  ])("refuses %s", (_name, text, expected) => {
    expect(refusal(() => listContexts(text), "INVALID_YAML")).toContain(expected);
  });

  it.each([
    ["an empty text", "", "kubeconfig is empty"],
    ["a plain string", "hello", "must be a YAML or JSON mapping"],
    ["a list", "- a\n- b\n", "must be a YAML or JSON mapping"],
    ["a Secret", "apiVersion: v1\nkind: Secret\ndata: {}\n", "this is a Kubernetes Secret, not a kubeconfig"],
    ["contexts as a mapping", "contexts: { a: b }\n", "contexts must be a list"],
    ["an unnamed context", "contexts:\n  - context: {}\n", "contexts[0] has no name"],
    [
      "a numeric token",
      LOOPBACK_TOKEN_KUBECONFIG.replace(`token: ${FIXTURE_TOKEN}`, "token: 12345"),
      "token must be a string",
    ],
  ])("refuses %s", (_name, text, expected) => {
    expect(refusal(() => extractCredentials(text), "INVALID_KUBECONFIG")).toContain(expected);
  });

  it("refuses a text over 1 MiB", () => {
    refusal(() => listContexts(`# ${"x".repeat(1024 * 1024)}\n${LOOPBACK_TOKEN_KUBECONFIG}`), "TOO_LARGE");
  });
});

describe("credentialsFromToken", () => {
  const pem = Buffer.from(FIXTURE_CA_DATA, "base64").toString("utf8");

  it("accepts https with a CA, given as base64 or as pasted PEM", () => {
    for (const certificateAuthorityData of [FIXTURE_CA_DATA, pem]) {
      expect(
        credentialsFromToken({
          apiServer: " https://203.0.113.10:6443/ ",
          token: `${FIXTURE_TOKEN}\n`,
          certificateAuthorityData,
        }),
      ).toEqual({
        apiServer: "https://203.0.113.10:6443",
        credentials: {
          token: FIXTURE_TOKEN,
          certificateAuthorityData: FIXTURE_CA_DATA,
        },
        insecureSkipTlsVerify: false,
        isLoopback: false,
        tlsNeedsConfirmation: false,
      });
    }
  });

  it("applies the loopback rule to plain http and skipped verification", () => {
    expect(
      credentialsFromToken({
        apiServer: "http://127.0.0.1:16443",
        token: FIXTURE_TOKEN,
      }).tlsNeedsConfirmation,
    ).toBe(false);
    expect(
      credentialsFromToken({
        apiServer: "http://10.1.2.3:6443",
        token: FIXTURE_TOKEN,
      }).tlsNeedsConfirmation,
    ).toBe(true);
    const insecure = credentialsFromToken({
      apiServer: "https://10.1.2.3:6443",
      token: FIXTURE_TOKEN,
      insecureSkipTlsVerify: true,
    });
    expect(insecure).toMatchObject({
      insecureSkipTlsVerify: true,
      tlsNeedsConfirmation: true,
    });
  });

  it("refuses an empty token, a Bearer-prefixed token, a bad URL and a bad CA without echoing secrets", () => {
    refusal(
      () =>
        credentialsFromToken({
          apiServer: "https://k8s.example.com",
          token: "  ",
        }),
      "NO_CREDENTIALS",
    );
    refusal(
      () =>
        credentialsFromToken({
          apiServer: "https://k8s.example.com",
          token: `Bearer ${FIXTURE_TOKEN}`,
        }),
      "INVALID_CREDENTIALS",
    );
    refusal(
      () =>
        credentialsFromToken({
          apiServer: `https://${FIXTURE_TOKEN}@k8s.example.com`,
          token: FIXTURE_TOKEN,
        }),
      "INVALID_SERVER",
    );
    refusal(
      () =>
        credentialsFromToken({
          apiServer: "https://k8s.example.com",
          token: FIXTURE_TOKEN,
          certificateAuthorityData: FIXTURE_TOKEN,
        }),
      "INVALID_CREDENTIALS",
    );
  });
});
