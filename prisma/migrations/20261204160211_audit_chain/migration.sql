-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_orgId_fkey";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" BIGINT;

-- CreateTable
CREATE TABLE "AuditChain" (
    "id" TEXT NOT NULL,
    "orgSlug" TEXT,
    "orgName" TEXT,
    "purgedAt" TIMESTAMP(3),
    "headSeq" BIGINT NOT NULL DEFAULT 0,
    "headHash" TEXT,
    "anchorSeq" BIGINT NOT NULL DEFAULT 0,
    "anchorHash" TEXT,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq");
