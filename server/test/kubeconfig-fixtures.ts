// Sample kubeconfigs (safe, unsafe and malformed) shared by kubeconfig unit tests and end-to-end tests.

/** Fake secret values: tests assert that no error message ever contains them. */
export const FIXTURE_TOKEN = "eyJhbGciOiJSUzI1NiJ9.sim-fixture-token.c2lnbmF0dXJl";
export const FIXTURE_PASSWORD = "fixture-password-Zq81x";

/** Base64 of a PEM block, as kubeconfig -data fields hold it; the body is fake, not a usable cert. */
function fakePemData(label: string, marker: string): string {
  const pem = `-----BEGIN ${label}-----\n${Buffer.from(marker).toString("base64")}\n-----END ${label}-----\n`;
  return Buffer.from(pem).toString("base64");
}

export const FIXTURE_CA_DATA = fakePemData("CERTIFICATE", "fixture-ca");
export const FIXTURE_CLIENT_CERT_DATA = fakePemData("CERTIFICATE", "fixture-client-cert");
export const FIXTURE_CLIENT_KEY_DATA = fakePemData("EC PRIVATE KEY", "fixture-client-key");

/** A single-context token kubeconfig, e.g. for a simulated cluster on its real port. */
export function tokenKubeconfig(options: {
  server: string;
  token?: string;
  contextName?: string;
  namespace?: string;
}): string {
  const name = options.contextName ?? "sim-aws-us-east-1";
  return `apiVersion: v1
kind: Config
clusters:
  - name: ${name}
    cluster:
      server: ${options.server}
contexts:
  - name: ${name}
    context:
      cluster: ${name}
      user: ${name}-admin
      namespace: ${options.namespace ?? "default"}
current-context: ${name}
users:
  - name: ${name}-admin
    user:
      token: ${options.token ?? FIXTURE_TOKEN}
`;
}

/** Loopback http + token: accepted without confirmation. */
export const LOOPBACK_TOKEN_KUBECONFIG = tokenKubeconfig({
  server: "http://127.0.0.1:16443",
});

/** Remote https with CA and client certificate; two contexts, current-context is the second. */
export const CLIENT_CERT_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: gke-eu-west-4
    cluster:
      server: https://203.0.113.10:6443
      certificate-authority-data: ${FIXTURE_CA_DATA}
  - name: aks-westeurope
    cluster:
      server: https://aks-westeurope.example.com/k8s/clusters/c-1/
      certificate-authority-data: ${FIXTURE_CA_DATA}
contexts:
  - name: gke-eu-west-4
    context: { cluster: gke-eu-west-4, user: gke-admin }
  - name: aks-westeurope
    context: { cluster: aks-westeurope, user: aks-admin, namespace: models }
current-context: aks-westeurope
users:
  - name: gke-admin
    user:
      client-certificate-data: ${FIXTURE_CLIENT_CERT_DATA}
      client-key-data: ${FIXTURE_CLIENT_KEY_DATA}
  - name: aks-admin
    user:
      token: ${FIXTURE_TOKEN}
`;

/** The same shape as JSON (kubectl config view -o json). */
export const JSON_TOKEN_KUBECONFIG = JSON.stringify({
  apiVersion: "v1",
  kind: "Config",
  clusters: [
    {
      name: "onprem",
      cluster: {
        server: "https://k8s.internal.example:443",
        "certificate-authority-data": FIXTURE_CA_DATA,
      },
    },
  ],
  contexts: [{ name: "onprem", context: { cluster: "onprem", user: "deployer" } }],
  "current-context": "onprem",
  users: [{ name: "deployer", user: { token: FIXTURE_TOKEN } }],
});

/** An EKS kubeconfig whose user runs `aws eks get-token`: refused. */
export const EXEC_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: eks-us-east-1
    cluster:
      server: https://ABCDEF.gr7.us-east-1.eks.amazonaws.com
      certificate-authority-data: ${FIXTURE_CA_DATA}
contexts:
  - name: eks-us-east-1
    context: { cluster: eks-us-east-1, user: eks-user }
current-context: eks-us-east-1
users:
  - name: eks-user
    user:
      exec:
        apiVersion: client.authentication.k8s.io/v1beta1
        command: aws
        args: [eks, get-token, --cluster-name, prod]
`;

/** A legacy GKE auth-provider user with a cached access token: refused. */
export const AUTH_PROVIDER_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: gke
    cluster: { server: "https://198.51.100.7", certificate-authority-data: ${FIXTURE_CA_DATA} }
contexts:
  - name: gke
    context: { cluster: gke, user: gke-user }
current-context: gke
users:
  - name: gke-user
    user:
      auth-provider:
        name: gcp
        config:
          access-token: ${FIXTURE_TOKEN}
          cmd-path: /usr/lib/google-cloud-sdk/bin/gcloud
          cmd-args: config config-helper --format=json
`;

/** A user that reads its token from a local file: refused. */
export const TOKEN_FILE_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: sim-aws-us-east-1
    cluster: { server: "http://127.0.0.1:16443" }
contexts:
  - name: sim-aws-us-east-1
    context: { cluster: sim-aws-us-east-1, user: sa }
current-context: sim-aws-us-east-1
users:
  - name: sa
    user:
      tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
`;

/** minikube-style certificate paths instead of -data fields: refused. */
export const CERT_FILES_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: minikube
    cluster:
      server: https://192.168.49.2:8443
      certificate-authority: /home/dev/.minikube/ca.crt
contexts:
  - name: minikube
    context: { cluster: minikube, user: minikube }
current-context: minikube
users:
  - name: minikube
    user:
      client-certificate: /home/dev/.minikube/profiles/minikube/client.crt
      client-key: /home/dev/.minikube/profiles/minikube/client.key
`;

/** Remote https with certificate checks turned off: needs an admin's confirmation. */
export const INSECURE_REMOTE_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: lab
    cluster: { server: "https://10.20.30.40:6443", insecure-skip-tls-verify: true }
contexts:
  - name: lab
    context: { cluster: lab, user: lab-admin }
current-context: lab
users:
  - name: lab-admin
    user: { username: admin, password: ${FIXTURE_PASSWORD} }
`;
