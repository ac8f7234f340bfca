// What a simulated model-server container does at start: find its artifact (MODEL_URI) in its OWN cloud's
// object store, check MODEL_SHA256, and load it with the ONNX runtime. MODEL_URI is s3://<bucket>/<key> (the
// simulator's bucket of a cloud is named like the cloud) or the older sim://<cloud-id>/<key>; both name one object. Every failure is a message the
// container "prints" before it exits, so it reaches the pod's lastState and the BackOff event.
import type { ArtifactStores } from "../artifacts/artifact-stores";
import { loadModel, type LoadedModel } from "../models/model-runtime";
import { containerSetting, MODEL_LABEL, type ContainerSpec } from "./k8s-objects";

export interface ModelSource {
  uri?: string;
  sha256?: string;
  name?: string;
  version?: string;
}

export class ModelStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelStartError";
  }
}

/** Reads MODEL_URI / MODEL_SHA256 / MODEL_NAME / MODEL_VERSION from env, or --model-uri style args. */
export function modelSourceOf(c: ContainerSpec, podLabels: Record<string, string>): ModelSource {
  return {
    uri: containerSetting(c, "MODEL_URI", "model-uri"),
    sha256: containerSetting(c, "MODEL_SHA256", "model-sha256")?.toLowerCase(),
    name: containerSetting(c, "MODEL_NAME", "model-name") ?? podLabels[MODEL_LABEL],
    version: containerSetting(c, "MODEL_VERSION", "model-version"),
  };
}

/** s3://<cloud-id>/<key> → sim://<cloud-id>/<key>: the store's own address of the object. */
export const storeUriOf = (uri: string) => (uri.startsWith("s3://") ? `sim://${uri.slice("s3://".length)}` : uri);

export interface ArtifactFacts {
  uri: string;
  sizeBytes: number;
  sha256: string;
}

/** Checks the artifact exists in this cloud's store and has the expected sha256; no bytes are loaded yet. */
export async function inspectArtifact(
  stores: ArtifactStores,
  cloudId: string,
  src: ModelSource,
): Promise<ArtifactFacts> {
  const uri = src.uri;
  if (!uri) throw new ModelStartError("MODEL_URI is not set: the model server has no model to load");
  const s3 = uri.startsWith("s3://");
  let cloud: string;
  try {
    cloud = stores.resolve(storeUriOf(uri)).cloudId;
  } catch (e) {
    throw new ModelStartError(
      s3
        ? `invalid artifact URI "${uri}": use s3://<bucket>/<key>, where this cloud's bucket is ${cloudId}`
        : e instanceof Error
          ? e.message
          : String(e),
    );
  }
  if (cloud !== cloudId) {
    throw new ModelStartError(
      s3
        ? `artifact ${uri} is in bucket ${cloud} (cloud ${cloud}'s store), which pods in cloud ${cloudId} cannot read; copy it to s3://${cloudId}/… first`
        : `artifact ${uri} is in cloud ${cloud}'s store, which pods in cloud ${cloudId} cannot read; copy it to sim://${cloudId}/… first`,
    );
  }
  const head = await stores.head(storeUriOf(uri));
  if (!head) throw new ModelStartError(`artifact ${uri} does not exist in cloud ${cloudId}'s store (NoSuchKey)`);
  if (src.sha256 && head.sha256 !== src.sha256) {
    throw new ModelStartError(`artifact ${uri} has sha256 ${head.sha256}, but MODEL_SHA256 expects ${src.sha256}`);
  }
  return { uri, sizeBytes: head.size, sha256: head.sha256 };
}

/** Simulated load time: 1.5 s of runtime start-up plus reading the weights at ~200 MB/s. */
export const modelLoadDurationMs = (sizeBytes: number) => 1_500 + Math.round((sizeBytes / 200e6) * 1000);

export async function loadArtifact(
  stores: ArtifactStores,
  facts: ArtifactFacts,
  src: ModelSource,
): Promise<LoadedModel> {
  try {
    return await loadModel(stores.localPath(storeUriOf(facts.uri)), {
      ...(src.name ? { name: src.name } : {}),
      ...(src.version ? { version: src.version } : {}),
    });
  } catch (e) {
    throw new ModelStartError(e instanceof Error ? e.message : String(e));
  }
}

/** The whole start-up: inspect, wait the simulated load time, load. Throws ModelStartError with the reason. */
export async function startModel(
  stores: ArtifactStores,
  cloudId: string,
  src: ModelSource,
  sleep: (simMs: number) => Promise<void>,
): Promise<LoadedModel> {
  const facts = await inspectArtifact(stores, cloudId, src);
  await sleep(modelLoadDurationMs(facts.sizeBytes));
  return loadArtifact(stores, facts, src);
}
