// better-auth's endpoints (sign in, sign up, sign out, OIDC callbacks) behind Tern's address and account limits.
import { handleAuthRequest } from "@/server/auth/handle-auth-request";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleAuthRequest(req);
export const POST = (req: Request) => handleAuthRequest(req);
