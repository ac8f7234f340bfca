// Public surface of the simulator's metrics: the series its model servers and kube-state exporter serve.
export { ServingMetrics, SERVING_METRICS, type InferenceRecord } from "./serving-metrics";
export { KSM_METRICS } from "./kube-state-metrics";
export { parsePrometheusText, findSamples, type ParsedMetrics, type Sample } from "./parse-prometheus";
