// sim://<cloud-id>/<key> URIs of the simulated clouds' object stores. Keys are checked strictly
// because they become file paths under the store root: no "..", no hidden names, no odd characters.
import { ArtifactUriError } from "./errors";

export const SIM_SCHEME = "sim://";
const CLOUD_ID = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// A leading "." is reserved for the stores' temporary files, so no key can collide with one.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._~+=@-]{0,254}$/;
const MAX_URI = 1024;

export interface SimLocation {
  cloudId: string;
  /** The object key inside the cloud's store, e.g. models/credit-risk/1.0.0/model.onnx. */
  path: string;
}

export function parseSimUri(uri: string): SimLocation {
  const bad = (reason: string): never => {
    throw new ArtifactUriError(uri, reason);
  };
  if (!uri) return bad("it is empty");
  if (uri.length > MAX_URI) bad(`it is longer than ${MAX_URI} characters`);
  if (!uri.startsWith(SIM_SCHEME))
    return bad("it must start with sim:// (e.g. sim://aws-us-east-1/models/m/1.0.0/model.onnx)");
  const rest = uri.slice(SIM_SCHEME.length);
  const slash = rest.indexOf("/");
  const cloudId = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? "" : rest.slice(slash + 1);
  if (!CLOUD_ID.test(cloudId)) bad(`cloud id "${cloudId}" must be lowercase letters, digits and '-' (at most 63)`);
  if (!key) bad("it names a cloud but no object path");
  for (const seg of key.split("/")) {
    if (!seg) bad("the path has an empty segment ('//' or a trailing '/')");
    if (seg === "." || seg === "..") bad("the path may not contain '.' or '..' segments");
    if (!SEGMENT.test(seg))
      bad(`path segment "${seg}" may hold only letters, digits and . _ - ~ + = @, and may not start with '.'`);
  }
  return { cloudId, path: key };
}

export function simUri(cloudId: string, key: string): string {
  const uri = `${SIM_SCHEME}${cloudId}/${key}`;
  parseSimUri(uri);
  return uri;
}
