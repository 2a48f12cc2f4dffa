-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "ssoAcr" TEXT,
ADD COLUMN     "ssoAmr" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "OrgMfaPolicy" (
    "orgId" TEXT NOT NULL,
    "requiredSince" TIMESTAMP(3),
    "graceDays" INTEGER NOT NULL DEFAULT 7,
    "ssoSatisfies" BOOLEAN NOT NULL DEFAULT false,
    "ssoAcceptedValues" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgMfaPolicy_pkey" PRIMARY KEY ("orgId")
);

-- AddForeignKey
ALTER TABLE "OrgMfaPolicy" ADD CONSTRAINT "OrgMfaPolicy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
