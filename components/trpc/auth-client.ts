"use client";
// better-auth's browser client (sign in, sign up, sign out, SSO redirect).
import { createAuthClient } from "better-auth/react";
import { genericOAuthClient } from "better-auth/client/plugins";

export const authClient = createAuthClient({ plugins: [genericOAuthClient()] });
