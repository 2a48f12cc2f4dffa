-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpSecretEncrypted" TEXT;
