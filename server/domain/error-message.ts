// What an unknown thrown value says, as one line: the message of an Error, else its string form.
export function errorMessage(e: unknown, fallback?: string): string {
  if (e instanceof Error) return e.message;
  if (fallback !== undefined) return fallback;
  return typeof e === "string" ? e : String(e);
}
