// The one application error type; translated to tRPC/HTTP errors in server/api/trpc.ts only.
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNPROCESSABLE_CONTENT"
  | "PRECONDITION_FAILED"
  | "INTERNAL_SERVER_ERROR";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) =>
  new AppError("NOT_FOUND", `${what} was not found in this team; check the id or switch team`);

/** Prisma's known request errors carry a code; P2002 unique, P2003 foreign key, P2025 missing row. */
export function fromPrismaError(err: unknown, conflictMessage: string): AppError | null {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : undefined;
  if (code === "P2002") return new AppError("CONFLICT", conflictMessage);
  if (code === "P2025") return new AppError("NOT_FOUND", "the object was not found; it may have been deleted");
  if (code === "P2003")
    return new AppError("CONFLICT", "the object is still in use by other objects; remove those first");
  return null;
}
