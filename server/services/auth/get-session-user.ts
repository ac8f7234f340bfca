// Resolves the request's session to a user, enforcing the absolute session lifetime on top of the idle one.
import { getAuth } from "../../auth/auth";
import { getPrisma } from "../../db";
import { env } from "../../env";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  sessionId: string;
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const res = await getAuth().api.getSession({ headers });
  if (!res) return null;
  const ageMs = Date.now() - new Date(res.session.createdAt).getTime();
  if (ageMs > env().TERN_SESSION_MAX_HOURS * 3600_000) {
    await getPrisma().session.deleteMany({ where: { id: res.session.id } });
    return null;
  }
  const locale = (res.user as { locale?: string }).locale ?? "en";
  return { id: res.user.id, email: res.user.email, name: res.user.name, locale, sessionId: res.session.id };
}
