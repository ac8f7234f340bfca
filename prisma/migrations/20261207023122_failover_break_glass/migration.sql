-- CreateEnum
CREATE TYPE "MigrationTrigger" AS ENUM ('MANUAL', 'RECOMMENDATION', 'FAILOVER');

-- CreateEnum
CREATE TYPE "ApprovalBypass" AS ENUM ('BREAK_GLASS', 'FAILOVER_POLICY');

-- AlterTable
ALTER TABLE "ApprovalPolicy" ADD COLUMN     "allowBreakGlass" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "failoverAutoStart" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failoverSloMinutes" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Migration" ADD COLUMN     "approvalBypass" "ApprovalBypass",
ADD COLUMN     "bypassReason" TEXT,
ADD COLUMN     "bypassedAt" TIMESTAMP(3),
ADD COLUMN     "bypassedByEmail" TEXT,
ADD COLUMN     "bypassedById" TEXT,
ADD COLUMN     "trigger" "MigrationTrigger" NOT NULL DEFAULT 'MANUAL';
