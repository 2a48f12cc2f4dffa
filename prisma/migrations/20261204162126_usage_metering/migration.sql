-- CreateTable
CREATE TABLE "ApiUsageHour" (
    "orgId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiUsageHour_pkey" PRIMARY KEY ("orgId","hour")
);

-- CreateTable
CREATE TABLE "MeterReport" (
    "identifier" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "value" INTEGER NOT NULL,
    "stripeCustomerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeterReport_pkey" PRIMARY KEY ("identifier")
);

-- CreateIndex
CREATE INDEX "ApiUsageHour_hour_idx" ON "ApiUsageHour"("hour");

-- CreateIndex
CREATE INDEX "MeterReport_status_hour_idx" ON "MeterReport"("status", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "MeterReport_orgId_hour_key" ON "MeterReport"("orgId", "hour");

-- AddForeignKey
ALTER TABLE "ApiUsageHour" ADD CONSTRAINT "ApiUsageHour_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeterReport" ADD CONSTRAINT "MeterReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
