-- CreateEnum
CREATE TYPE "AutoscaleMetric" AS ENUM ('RPS', 'CONCURRENCY', 'GPU_UTILIZATION');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('FIRING', 'RESOLVED');

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "autoscaleConditions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "autoscaleCurrentReplicas" INTEGER,
ADD COLUMN     "autoscaleCurrentValue" DOUBLE PRECISION,
ADD COLUMN     "autoscaleDesiredReplicas" INTEGER,
ADD COLUMN     "autoscaleLastScaleAt" TIMESTAMP(3),
ADD COLUMN     "autoscaleMetric" "AutoscaleMetric" NOT NULL DEFAULT 'RPS',
ADD COLUMN     "autoscaleTarget" DOUBLE PRECISION NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "deploymentId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL,
    "summary" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "firingForwardedAt" TIMESTAMP(3),
    "resolvedForwardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_teamId_status_startsAt_idx" ON "Alert"("teamId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "Alert_deploymentId_startsAt_idx" ON "Alert"("deploymentId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_fingerprint_startsAt_key" ON "Alert"("fingerprint", "startsAt");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
