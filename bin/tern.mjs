#!/usr/bin/env node
// The `tern` command (package.json "bin"): runs the TypeScript CLI in cli/ through tsx, so a fresh clone works
// right after `npm ci` with no build step.
import { register } from "tsx/esm/api";

register();
await import("../cli/tern.ts");
