// A model version's golden set as stored on ModelVersion.goldenSet: sample OIP inputs with the outputs the
// version must give, each with an optional tolerance. Parsed strictly, since a malformed case would verify nothing.
import { z } from "zod";
import type { InferRequest, OipTensor } from "@tern/oip";

const ZTensor = z.object({
  name: z.string().min(1),
  shape: z.array(z.number().int().min(0)),
  datatype: z.string().min(1),
  data: z.array(z.union([z.number(), z.boolean()])),
});

export const ZGoldenCase = z.object({
  input: z.object({ inputs: z.array(ZTensor).min(1, "a golden case needs at least one input tensor") }),
  expected: z.object({ outputs: z.array(ZTensor).min(1, "a golden case needs at least one expected output") }),
  tolerance: z.number().min(0).optional(),
});
export const ZGoldenSet = z.array(ZGoldenCase);

export interface GoldenCase {
  input: InferRequest;
  expected: { outputs: OipTensor[] };
  tolerance?: number;
}

/** Parses a stored golden set; the error names each bad case by index. */
export function parseGoldenSet(raw: unknown): GoldenCase[] {
  const parsed = ZGoldenSet.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map(
    (i) => `${i.path.length ? `case ${i.path.join(".")}` : "golden set"}: ${i.message}`,
  );
  throw new RangeError(`the golden set is invalid: ${where.join("; ")}`);
}
