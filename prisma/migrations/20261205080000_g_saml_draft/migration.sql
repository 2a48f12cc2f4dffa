-- A SAML connection can exist as a draft (SP details to copy, no IdP yet): the IdP's
-- entity id and SSO URL are null and its certificate list empty until the metadata is saved.
ALTER TABLE "SamlConnection" ALTER COLUMN "idpEntityId" DROP NOT NULL;
ALTER TABLE "SamlConnection" ALTER COLUMN "idpSsoUrl" DROP NOT NULL;
ALTER TABLE "SamlConnection" ALTER COLUMN "idpCertificates" SET DEFAULT ARRAY[]::TEXT[];
