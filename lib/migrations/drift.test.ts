import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeWith, testPostgresAdminUrl } from "../testing/describe";
import { findDrift } from "./drift";
import { readMigrationFiles } from "./files";
import { schemaPath } from "./schema-engine";

const schema = readFileSync(schemaPath(), "utf8");

describeWith(["postgres"], "schema drift", () => {
  it("the migrations build exactly what schema.prisma describes", async () => {
    // If this fails: add a migration with `npm run db:migration:new -- <name>` (README).
    expect(await findDrift(testPostgresAdminUrl())).toEqual([]);
  });

  it("catches a column added to schema.prisma without a migration", async () => {
    const edited = schema.replace(/(model Organization \{\n)/, "$1  motto String?\n");
    expect(edited).not.toBe(schema);
    expect(await findDrift(testPostgresAdminUrl(), edited)).toEqual([
      expect.stringMatching(/^column "Organization"\."motto": in schema.prisma \(text NULL\) but no migration creates it$/),
    ]);
  });

  it("catches changed nullability, defaults, indexes and foreign keys", async () => {
    const edited = schema
      .replace("name      String\n  slug", "name      String?\n  slug")
      .replace(`actorType  String   @default("user")`, `actorType  String   @default("system")`)
      .replace("@@index([orgId, action])\n", "")
      .replace("user User         @relation(fields: [userId], references: [id], onDelete: Cascade)", "user User         @relation(fields: [userId], references: [id], onDelete: Restrict)");
    const drift = await findDrift(testPostgresAdminUrl(), edited);
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^column "Organization"\."name": migrations give text NOT NULL; schema.prisma wants text NULL$/),
        expect.stringMatching(/^column "AuditEvent"\."actorType": .*DEFAULT 'system'::text$/),
        expect.stringMatching(/^index "AuditEvent"\."AuditEvent_orgId_action_idx": created by the migrations/),
        expect.stringMatching(/^constraint "Membership"\."Membership_userId_fkey": .*ON DELETE CASCADE.*wants .*ON DELETE RESTRICT/),
      ]),
    );
    expect(drift).toHaveLength(4);
  });

  it("catches a missing migration", async () => {
    const withoutJobs = readMigrationFiles().filter((file) => !file.sql.includes('CREATE TABLE "Job"'));
    expect(withoutJobs.length).toBe(readMigrationFiles().length - 1);
    const drift = await findDrift(testPostgresAdminUrl(), schema, withoutJobs);
    expect(drift).toContain('table "Job": in schema.prisma (exists) but no migration creates it');
  });
});
