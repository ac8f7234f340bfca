// Unit tests for how a presented embed token is checked: only its own link opens, by the hash of the token,
// and a malformed token (a stored hash, a token with a character added) costs no lookup.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client";
import { createEmbedToken } from "../../embeds/embed-token";
import { resolveEmbedLink } from "./resolve-embed-link";

const NOW = new Date("2026-06-01T00:00:00Z");

function fakeLinks(...links: { id: string; tokenHash: string }[]) {
  const lookups: string[] = [];
  const prisma = {
    embedLink: {
      findUnique: ({ where }: { where: { tokenHash: string } }) => {
        lookups.push(where.tokenHash);
        const link = links.find((l) => l.tokenHash === where.tokenHash);
        return Promise.resolve(
          link && {
            ...link,
            teamId: "team-1",
            deploymentId: `dep-${link.id}`,
            metric: "latency",
            rangeMinutes: 60,
            live: true,
            title: link.id,
            createdAt: new Date("2026-05-01T00:00:00Z"),
            expiresAt: new Date("2026-07-01T00:00:00Z"),
            revokedAt: null,
            team: { embedOrigins: ["https://wiki.example.com"] },
          },
        );
      },
    },
  } as unknown as PrismaClient;
  return { prisma, lookups };
}

describe("resolveEmbedLink", () => {
  it("opens a link with its own token only, looked up by the token's hash", async () => {
    const a = createEmbedToken();
    const b = createEmbedToken();
    const { prisma, lookups } = fakeLinks({ id: "link-a", tokenHash: a.hash }, { id: "link-b", tokenHash: b.hash });
    expect(await resolveEmbedLink({ prisma, token: a.token, now: NOW })).toMatchObject({
      id: "link-a",
      deploymentId: "dep-link-a",
      frameOrigins: ["https://wiki.example.com"],
    });
    expect(await resolveEmbedLink({ prisma, token: b.token, now: NOW })).toMatchObject({ id: "link-b" });
    expect(lookups).toEqual([a.hash, b.hash]);
    const opened = await resolveEmbedLink({ prisma, token: a.token, now: NOW });
    expect(opened).not.toHaveProperty("tokenHash");
  });

  it("refuses an unknown token, the stored hash itself and a token with a character added", async () => {
    const a = createEmbedToken();
    const { prisma, lookups } = fakeLinks({ id: "link-a", tokenHash: a.hash });
    const unknown = createEmbedToken();
    expect(await resolveEmbedLink({ prisma, token: unknown.token, now: NOW })).toBeNull();
    expect(await resolveEmbedLink({ prisma, token: a.hash, now: NOW })).toBeNull();
    expect(await resolveEmbedLink({ prisma, token: `${a.token}x`, now: NOW })).toBeNull();
    // Only the well-formed unknown token reached the database.
    expect(lookups).toEqual([unknown.hash]);
  });
});
