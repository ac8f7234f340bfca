// Public surface of the simulator's model servers: the demo models, their golden sets and real ONNX inference.
export { DEMO_MODELS, demoArtifactKey, findDemoModel, type DemoModelEntry } from "./demo-manifest";
export { demoArtifactPath, readDemoGoldenSet, DEMO_MODELS_DIR, type GoldenCase } from "./demo-files";
export { clearModelCache, infer, loadModel, modelMetadata, type LoadedModel } from "./model-runtime";
export { createInferenceHandler } from "./inference-handler";
