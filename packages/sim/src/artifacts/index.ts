// The simulated clouds' artifact stores: one import for the fleet, the seeder and migrations.
export { createArtifactStores, sha256File, type ArtifactStores, type ObjectInfo } from "./artifact-stores";
export { ArtifactIntegrityError, ArtifactNotFoundError, ArtifactUriError, IncompleteBodyError } from "./errors";
export { seedDemoArtifacts, type SeedDemoArtifactsOptions, type SeededArtifact } from "./seed-demo-artifacts";
export { parseSimUri, simUri, SIM_SCHEME, type SimLocation } from "./sim-uri";
export { StoreFaults } from "./store-faults";
export { startS3Server, type S3Server } from "./s3-server";
