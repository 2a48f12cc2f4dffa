-- AlterTable
ALTER TABLE "User" ADD COLUMN     "telemetryOptOut" BOOLEAN NOT NULL DEFAULT false;
