// The role ladder for server code; it lives in the client-safe server/domain/values.ts, re-exported here.
export { ROLES, roleAtLeast } from "../domain/values";
