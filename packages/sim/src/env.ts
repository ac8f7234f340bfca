// The simulator's own settings, read once and validated: the same names Tern documents (TERN_DATA_DIR,
// TERN_SIM_PORT_OFFSET), so `npm start` hands them to the simulator's child process unchanged.
import { z } from "zod";

const offset = "TERN_SIM_PORT_OFFSET must be a whole number from 0 to 40000";
const SimEnvSchema = z.object({
  TERN_DATA_DIR: z.string().default(".tern"),
  TERN_SIM_PORT_OFFSET: z.coerce.number({ error: offset }).int(offset).min(0, offset).max(40_000, offset).default(0),
});

export type SimEnv = z.output<typeof SimEnvSchema>;

export function simEnv(source: Record<string, string | undefined> = process.env): SimEnv {
  const r = SimEnvSchema.safeParse(source);
  if (!r.success) throw new Error(r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}
