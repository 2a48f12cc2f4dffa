-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "ssoConnectionId" TEXT;

-- AlterTable
ALTER TABLE "SsoConnection" ALTER COLUMN "clientSecretEncrypted" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SamlConnection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "idpEntityId" TEXT NOT NULL,
    "idpSsoUrl" TEXT NOT NULL,
    "idpCertificates" TEXT[],
    "idpMetadataUrl" TEXT,
    "spCertificate" TEXT NOT NULL,
    "requireEncryptedAssertions" BOOLEAN NOT NULL DEFAULT false,
    "allowUnverifiedDomains" BOOLEAN NOT NULL DEFAULT false,
    "enforceForDomains" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlMessageId" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlMessageId_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SsoJitPolicy" (
    "orgId" TEXT NOT NULL,
    "defaultRole" "Role",
    "groupsClaim" TEXT NOT NULL DEFAULT 'groups',
    "roleMappings" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoJitPolicy_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SamlConnection_orgId_key" ON "SamlConnection"("orgId");

-- CreateIndex
CREATE INDEX "SamlMessageId_expiresAt_idx" ON "SamlMessageId"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_ssoConnectionId_idx" ON "Session"("ssoConnectionId");

-- AddForeignKey
ALTER TABLE "SamlConnection" ADD CONSTRAINT "SamlConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoJitPolicy" ADD CONSTRAINT "SsoJitPolicy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
