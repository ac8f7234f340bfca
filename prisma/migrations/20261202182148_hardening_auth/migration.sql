-- AlterEnum
ALTER TYPE "AuditOutcome" ADD VALUE 'PENDING';

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "acceptedById" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "invitedById" TEXT,
ADD COLUMN     "tokenHash" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "currentTeamId" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_actorEmail_action_createdAt_idx" ON "AuditEvent"("actorEmail", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");
