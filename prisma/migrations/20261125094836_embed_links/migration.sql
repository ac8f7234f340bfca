-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "embedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "EmbedLink" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "rangeMinutes" INTEGER NOT NULL,
    "live" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "EmbedLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmbedLink_tokenHash_key" ON "EmbedLink"("tokenHash");

-- CreateIndex
CREATE INDEX "EmbedLink_teamId_createdAt_idx" ON "EmbedLink"("teamId", "createdAt");

-- AddForeignKey
ALTER TABLE "EmbedLink" ADD CONSTRAINT "EmbedLink_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmbedLink" ADD CONSTRAINT "EmbedLink_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
