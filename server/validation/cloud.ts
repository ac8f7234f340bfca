// Inputs for clouds (provider accounts).
import { z } from "zod";
import { zId, zListInput, zProvider, PROVIDERS } from "./common";

export const ZCreateCloudRequest = z.object({
  provider: zProvider,
  name: z
    .string()
    .trim()
    .min(1, "name is required")
    .max(64, "name must be at most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "name may use letters, digits, spaces, '.', '_' and '-'"),
});
export type CreateCloudRequest = z.infer<typeof ZCreateCloudRequest>;

export const ZUpdateCloudRequest = ZCreateCloudRequest.pick({ name: true }).extend({ id: zId });
export const ZDeleteCloudRequest = z.object({ id: zId });

export const ZListCloudsRequest = zListInput(["name", "provider", "createdAt"] as const, "name").extend({
  provider: z.enum(PROVIDERS).optional(),
});
export type ListCloudsRequest = z.input<typeof ZListCloudsRequest>;

export const ZCloud = z.object({
  id: z.string(),
  provider: zProvider,
  name: z.string(),
  createdAt: z.date(),
  clusterCount: z.number().int(),
});
export type CloudDto = z.infer<typeof ZCloud>;
