// Open Inference Protocol requests to a deployment on a cluster, through the cluster's API server (services/proxy),
// so Tern can verify a deployment it has no network path to. Works on any driver with `infer`.
import { z } from "zod";
import type { ClusterDriver } from "../../clusters/driver";
import type { InferFn } from "../verify/run-golden-set";
import type { InferRequest, InferResponse } from "@tern/oip";
import { errorMessage } from "../../domain/error-message";

export type InferDriver = Pick<ClusterDriver, "infer">;

export interface InferTarget {
  namespace: string;
  /** The Service in front of the deployment's pods (Tern names it like the deployment). */
  service: string;
  /** Service port name or number; Tern's model Services call theirs "http". */
  port?: string | number;
  modelName: string;
  timeoutMs?: number;
}

export type InferenceErrorKind = "cluster" | "model_server" | "bad_response";

/** "cluster": the API server refused or failed (no endpoints, outage); "model_server": the pod answered an error. */
export class InferenceError extends Error {
  constructor(
    readonly kind: InferenceErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "InferenceError";
  }
}

const ZTensor = z.object({
  name: z.string(),
  shape: z.array(z.number()),
  datatype: z.string(),
  data: z.array(z.union([z.number(), z.boolean()])),
});
const ZInferResponse = z.object({
  model_name: z.string(),
  model_version: z.string().default(""),
  id: z.string().optional(),
  outputs: z.array(ZTensor),
});

const errorText = (body: unknown) =>
  typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string"
    ? (body as { error: string }).error
    : typeof body === "string" && body.length <= 200
      ? body
      : "no error message";

export async function inferViaCluster(
  driver: InferDriver,
  target: InferTarget,
  request: InferRequest,
): Promise<InferResponse> {
  const where = `${target.namespace}/${target.service}`;
  let res;
  try {
    res = await driver.infer({
      namespace: target.namespace,
      service: target.service,
      port: target.port ?? "http",
      modelName: target.modelName,
      request,
      ...(target.timeoutMs ? { timeoutMs: target.timeoutMs } : {}),
    });
  } catch (e) {
    throw new InferenceError("cluster", errorMessage(e), (e as { status?: number }).status);
  }
  if (res.status !== 200)
    throw new InferenceError(
      "model_server",
      `model server of ${where} answered HTTP ${res.status}: ${errorText(res.body)}`,
      res.status,
    );
  const parsed = ZInferResponse.safeParse(res.body);
  if (!parsed.success)
    throw new InferenceError(
      "bad_response",
      `model server of ${where} answered 200 without an OIP response (outputs missing or malformed)`,
    );
  return parsed.data;
}

/** An InferFn for runGoldenSet / shadowCompare bound to one deployment. */
export const inferFnFor =
  (driver: InferDriver, target: InferTarget): InferFn =>
  (request) =>
    inferViaCluster(driver, target, request);
