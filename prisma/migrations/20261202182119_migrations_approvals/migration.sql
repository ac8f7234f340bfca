-- CreateEnum
CREATE TYPE "MigrationState" AS ENUM ('PENDING_APPROVAL', 'APPROVED', 'RUNNING', 'ROLLING_BACK', 'SUCCEEDED', 'ROLLED_BACK', 'REJECTED', 'EXPIRED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "MigrationStepKind" AS ENUM ('COPY_ARTIFACT', 'DEPLOY_TARGET', 'WAIT_READY', 'VERIFY', 'SHIFT_TRAFFIC', 'DRAIN_SOURCE', 'FINALIZE', 'ROLLBACK_TRAFFIC', 'REMOVE_TARGET');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REJECT');

-- AlterTable
ALTER TABLE "Cloud" ADD COLUMN     "storeBucket" TEXT,
ADD COLUMN     "storeCredentialsCipher" TEXT,
ADD COLUMN     "storeEndpoint" TEXT,
ADD COLUMN     "storeRegion" TEXT;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "artifactUri" TEXT;

-- CreateTable
CREATE TABLE "Migration" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sourceDeploymentId" TEXT NOT NULL,
    "targetClusterId" TEXT NOT NULL,
    "targetDeploymentId" TEXT,
    "activeDeploymentId" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestedByEmail" TEXT NOT NULL,
    "reason" TEXT,
    "state" "MigrationState" NOT NULL DEFAULT 'PENDING_APPROVAL',
    "plan" JSONB NOT NULL,
    "planHash" TEXT NOT NULL,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "fencing" INTEGER NOT NULL DEFAULT 0,
    "abortRequestedAt" TIMESTAMP(3),
    "abortRequestedBy" TEXT,
    "outcome" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Migration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrationStep" (
    "id" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "kind" "MigrationStepKind" NOT NULL,
    "label" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "status" "StepStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "MigrationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "approverEmail" TEXT NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "planHash" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalPolicy" (
    "teamId" TEXT NOT NULL,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "elevatedApprovals" INTEGER NOT NULL DEFAULT 2,
    "costIncreasePercent" INTEGER NOT NULL DEFAULT 20,
    "elevateCrossResidency" BOOLEAN NOT NULL DEFAULT true,
    "minRole" "Role" NOT NULL DEFAULT 'APPROVER',
    "requestTtlHours" INTEGER NOT NULL DEFAULT 72,
    "approvalTtlHours" INTEGER NOT NULL DEFAULT 24,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalPolicy_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "GpuEquivalence" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "gpuType" TEXT NOT NULL,
    "throughput" DECIMAL(8,3) NOT NULL,

    CONSTRAINT "GpuEquivalence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT,
    "minRole" "Role" NOT NULL DEFAULT 'VIEWER',
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "migrationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readBy" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamWebhook" (
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretCipher" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamWebhook_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Migration_activeDeploymentId_key" ON "Migration"("activeDeploymentId");

-- CreateIndex
CREATE INDEX "Migration_teamId_createdAt_idx" ON "Migration"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Migration_teamId_state_idx" ON "Migration"("teamId", "state");

-- CreateIndex
CREATE INDEX "Migration_state_idx" ON "Migration"("state");

-- CreateIndex
CREATE UNIQUE INDEX "MigrationStep_migrationId_index_key" ON "MigrationStep"("migrationId", "index");

-- CreateIndex
CREATE INDEX "Approval_teamId_createdAt_idx" ON "Approval"("teamId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_migrationId_approverId_planHash_key" ON "Approval"("migrationId", "approverId", "planHash");

-- CreateIndex
CREATE UNIQUE INDEX "GpuEquivalence_teamId_gpuType_key" ON "GpuEquivalence"("teamId", "gpuType");

-- CreateIndex
CREATE INDEX "Notification_teamId_createdAt_idx" ON "Notification"("teamId", "createdAt");

-- AddForeignKey
ALTER TABLE "Migration" ADD CONSTRAINT "Migration_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrationStep" ADD CONSTRAINT "MigrationStep_migrationId_fkey" FOREIGN KEY ("migrationId") REFERENCES "Migration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_migrationId_fkey" FOREIGN KEY ("migrationId") REFERENCES "Migration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalPolicy" ADD CONSTRAINT "ApprovalPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GpuEquivalence" ADD CONSTRAINT "GpuEquivalence_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamWebhook" ADD CONSTRAINT "TeamWebhook_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
