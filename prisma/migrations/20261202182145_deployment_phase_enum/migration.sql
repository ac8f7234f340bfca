-- Deployment.phase becomes an enum. The text column is converted in place (USING cast), so every row keeps
-- its phase; a value outside the enum (none is written by Tern, but a hand edit could have) becomes Pending,
-- which the next status sync corrects.

-- CreateEnum
CREATE TYPE "DeploymentPhase" AS ENUM ('Pending', 'Progressing', 'Ready', 'Degraded', 'Failed', 'Terminating');

-- AlterTable
UPDATE "Deployment" SET "phase" = 'Pending'
WHERE "phase" NOT IN ('Pending', 'Progressing', 'Ready', 'Degraded', 'Failed', 'Terminating');
ALTER TABLE "Deployment" ALTER COLUMN "phase" DROP DEFAULT;
ALTER TABLE "Deployment" ALTER COLUMN "phase" TYPE "DeploymentPhase" USING ("phase"::"DeploymentPhase");
ALTER TABLE "Deployment" ALTER COLUMN "phase" SET DEFAULT 'Pending';
