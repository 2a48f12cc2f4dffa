-- CreateEnum
CREATE TYPE "InvitationKind" AS ENUM ('email', 'link');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "acceptedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "allowedDomains" TEXT[],
ADD COLUMN     "kind" "InvitationKind" NOT NULL DEFAULT 'email',
ALTER COLUMN "email" DROP NOT NULL;
