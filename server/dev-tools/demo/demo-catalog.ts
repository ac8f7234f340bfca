// The demo GPU price catalog for the simulated fleet's providers, regions and GPU types.
// These figures are illustrative demo data, not quotes from any provider.
import type { Provider } from "../../generated/prisma/enums";

export const DEMO_PRICE_SOURCE = "Demo data: illustrative, not a provider quote";

export const DEMO_PRICES: {
  provider: Provider;
  region: string;
  gpuType: string;
  pricePerHour: number;
  currency: string;
}[] = [
  { provider: "AWS", region: "us-east-1", gpuType: "H100", pricePerHour: 6.88, currency: "USD" },
  { provider: "AWS", region: "us-east-1", gpuType: "A10G", pricePerHour: 1.21, currency: "USD" },
  { provider: "GCP", region: "europe-west4", gpuType: "A100", pricePerHour: 3.67, currency: "USD" },
  { provider: "GCP", region: "europe-west4", gpuType: "L4", pricePerHour: 0.81, currency: "USD" },
  { provider: "ALIYUN", region: "cn-hangzhou", gpuType: "A10", pricePerHour: 1.05, currency: "USD" },
  { provider: "HUAWEI", region: "cn-north-4", gpuType: "Ascend-910B", pricePerHour: 2.35, currency: "USD" },
  { provider: "HUAWEI", region: "cn-north-4", gpuType: "A100", pricePerHour: 3.1, currency: "USD" },
  { provider: "LEPTON", region: "us-west", gpuType: "H100", pricePerHour: 3.99, currency: "USD" },
  { provider: "ONPREM", region: "dc1", gpuType: "A100", pricePerHour: 1.4, currency: "USD" },
];

/** The demo runtime image: the simulator's ONNX model server. */
export const DEMO_RUNTIME_IMAGE = "ghcr.io/tern/onnx-server:1.30";
