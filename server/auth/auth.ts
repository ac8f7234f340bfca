// better-auth: email + password and optional OIDC, sessions stored in PostgreSQL through Prisma.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getPrisma } from "../db";
import { env, publicUrl } from "../env";
import { acceptVerifiedInvites } from "../services/members/accept-verified-invites";
import { CLIENT_IP_HEADER } from "./client-ip-header";
import { recordAuditEvent } from "../services/audit/record-audit-event";
import { oidcPlugins } from "./oidc";
import { authSecret } from "./secret";
import { logger } from "../log";

function createAuth() {
  const e = env();
  const secure = e.NODE_ENV === "production" && e.TERN_INSECURE_COOKIES !== "1";
  return betterAuth({
    appName: "Tern",
    baseURL: publicUrl(),
    secret: authSecret(),
    database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, autoSignIn: true },
    user: { additionalFields: { locale: { type: "string", required: false, defaultValue: "en", input: false } } },
    session: {
      // Idle limit: a session not used for this long expires; each use extends it (updateAge).
      expiresIn: e.TERN_SESSION_IDLE_HOURS * 3600,
      updateAge: Math.min(3600, (e.TERN_SESSION_IDLE_HOURS * 3600) / 4),
    },
    // Password guessing is slowed per client address, counted in the database (RateLimit) so every app
    // replica shares one count; the address is the one the auth route handler resolved (client-address.ts),
    // never a header the client chose.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 600,
      customRules: {
        "/sign-in/email": { window: 60, max: e.TERN_SIGNIN_ATTEMPTS_PER_MINUTE },
        "/sign-up/email": { window: 60, max: e.TERN_SIGNIN_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      // In production the session cookie is `__Host-` (Secure, Path=/, no Domain): better-auth would
      // only add `__Secure-`, so its own prefixing stays off and the name and attributes are set here.
      useSecureCookies: false,
      cookiePrefix: "tern",
      cookies: secure ? { session_token: { name: "__Host-tern.session_token" } } : undefined,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure, path: "/" },
      database: { generateId: false },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // Sign-up joins no team: invites are accepted through their link by the signed-in owner of the address.
    // Only single sign-on, whose provider vouches for the address (email_verified), joins invited teams at once.
    databaseHooks: {
      session: {
        create: {
          after: async (session, ctx) => {
            const prisma = getPrisma();
            const user = await prisma.user.findUnique({
              where: { id: session.userId },
              select: { id: true, email: true, emailVerified: true },
            });
            if (!user) return;
            const requestId = ctx?.request?.headers.get("x-request-id") ?? session.id;
            const ip = ctx?.request?.headers.get(CLIENT_IP_HEADER) ?? null;
            const sso = Boolean(ctx?.path.startsWith("/oauth2/callback/"));
            await recordAuditEvent({
              prisma,
              teamId: null,
              actorId: user.id,
              actorEmail: user.email,
              action: "auth.sign-in",
              outcome: "SUCCESS",
              requestId,
              ip,
              details: { via: sso ? "single sign-on" : ctx?.path === "/sign-up/email" ? "sign-up" : "password" },
            }).catch((e: unknown) => logger(`request ${requestId}`).error("audit write failed", e));
            if (sso) await acceptVerifiedInvites({ prisma, user, requestId, ip });
          },
        },
      },
    },
    plugins: [...oidcPlugins(), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const store = globalThis as unknown as { __ternAuth?: Auth };

export function getAuth(): Auth {
  store.__ternAuth ??= createAuth();
  return store.__ternAuth;
}
