// Sets or clears a cloud's object store for model artifacts; the keys are encrypted at rest with the
// rest of the settings and never returned.
import { AppError, notFound } from "../../errors";
import { refusedUrlReason } from "../../net/guarded-lookup";
import { encryptStoreSettings } from "../../migrations/artifacts/store-settings";
import type { SetCloudStoreRequest } from "../../validation/cloud";
import type { TeamScope } from "../context";

export async function setCloudStore(opts: TeamScope & { input: SetCloudStoreRequest }) {
  const { id, ...settings } = opts.input;
  // Tern connects to the endpoint with the cloud's keys: never to a cloud metadata service.
  const refused = await refusedUrlReason(settings.endpoint);
  if (refused) throw new AppError("UNPROCESSABLE_CONTENT", `the store endpoint is refused: ${refused}`, "endpoint");
  const res = await opts.prisma.cloud.updateMany({
    where: { id, teamId: opts.teamId },
    data: {
      storeEndpoint: settings.endpoint,
      storeBucket: settings.bucket,
      storeRegion: settings.region,
      storeCredentialsCipher: encryptStoreSettings(settings),
    },
  });
  if (res.count === 0) throw notFound("the cloud");
  return { id, store: { endpoint: settings.endpoint, bucket: settings.bucket, region: settings.region } };
}

export async function clearCloudStore(opts: TeamScope & { id: string }) {
  const res = await opts.prisma.cloud.updateMany({
    where: { id: opts.id, teamId: opts.teamId },
    data: { storeEndpoint: null, storeBucket: null, storeRegion: null, storeCredentialsCipher: null },
  });
  if (res.count === 0) throw notFound("the cloud");
  return { id: opts.id, store: null };
}
