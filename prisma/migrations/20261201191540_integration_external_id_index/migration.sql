-- CreateIndex
CREATE INDEX "IntegrationConnection_provider_externalId_idx" ON "IntegrationConnection"("provider", "externalId");
