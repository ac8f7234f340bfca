// Which model formats a serving runtime image can load, judged from the image name as the common
// runtimes name themselves (Triton serves several formats; the others one each).
import type { ModelFormat } from "../../generated/prisma/enums";

const RUNTIMES: { match: RegExp; formats: ModelFormat[] }[] = [
  { match: /triton/i, formats: ["ONNX", "TORCHSCRIPT", "SAVEDMODEL"] },
  { match: /onnx/i, formats: ["ONNX"] },
  { match: /torchserve|pytorch/i, formats: ["TORCHSCRIPT"] },
  { match: /tensorflow|tf-serving|tfserving/i, formats: ["SAVEDMODEL"] },
  { match: /vllm|text-generation-inference|tgi|sglang/i, formats: ["SAFETENSORS"] },
];

/** Formats the image serves, or null when the image is not one Tern recognises. */
export function runtimeFormats(image: string): ModelFormat[] | null {
  return RUNTIMES.find((r) => r.match.test(image))?.formats ?? null;
}
