-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "nodes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "appliedGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "pods" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "recentEvents" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "specGeneration" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "statusUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "updatedReplicas" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "residencyTags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "fencing" INTEGER NOT NULL DEFAULT 1,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerLease_pkey" PRIMARY KEY ("name")
);
