// A per-cluster CA and a server certificate signed by it, so kubeconfigs can carry the CA and clients verify TLS.
import { isIP } from "node:net";
import { generate } from "selfsigned";

export interface ClusterCertificates {
  /** PEM of the CA certificate: goes into kubeconfig `certificate-authority-data` (base64 of this text). */
  caCert: string;
  caKey: string;
  /** PEM server certificate and key for node:https. */
  cert: string;
  key: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function createClusterCertificates(
  opts: { hosts?: string[]; commonName?: string } = {},
): Promise<ClusterCertificates> {
  const hosts = opts.hosts ?? ["127.0.0.1", "localhost"];
  const notBeforeDate = new Date(Date.now() - 60_000); // tolerate small clock skew between processes
  const notAfterDate = new Date(notBeforeDate.getTime() + 10 * YEAR_MS);
  const ca = await generate([{ name: "commonName", value: `${opts.commonName ?? "tern-sim"}-ca` }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: "commonName", value: "kube-apiserver" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: hosts.map((h) => (isIP(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
      },
    ],
  });
  return { caCert: ca.cert, caKey: ca.private, cert: server.cert, key: server.private };
}
