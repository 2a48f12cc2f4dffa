-- AlterTable
ALTER TABLE "IntegrationConnection" ADD COLUMN     "webhookUnsigned" BOOLEAN NOT NULL DEFAULT false;
