// Public surface of @tern/oip: the Open Inference Protocol v2 shapes and the output comparison.
export * from "./oip-types";
export * from "./compare-outputs";
