// Entry point of the `tern` binary (bin/tern.mjs loads it through tsx).
import { run } from "./main";

process.exitCode = await run(process.argv.slice(2));
