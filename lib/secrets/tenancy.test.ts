// Tenancy: an attacker who owns another org cannot reach a victim org's secrets through
// any secrets route, neither by the victim's slug nor by the victim's ids under their own.
import { expect, it } from "vitest";
import { getDb } from "../db";
import { describeWith } from "../testing/describe";
import { orgWithMembers } from "../testing/fixtures";
import { secretsApi } from "./test-api";

describeWith(["postgres", "redis"], "secrets tenancy", () => {
  it("answers not found for a victim's secrets on every route, and leaves them unchanged", async () => {
    const victim = await orgWithMembers();
    const attacker = await orgWithMembers();
    const { body: secret } = await secretsApi(victim.org.slug, victim.owner.cookie).create({ key: "VICTIM_TOKEN", value: "victim-value", environment: "production" });

    // Through the victim's slug: the org itself is not found.
    const viaVictimSlug = secretsApi(victim.org.slug, attacker.owner.cookie);
    const orgNotFound = [
      await viaVictimSlug.list(),
      await viaVictimSlug.create({ key: "INJECTED", value: "x" }),
      await viaVictimSlug.get(secret.id),
      await viaVictimSlug.update(secret.id, { value: "x" }),
      await viaVictimSlug.versions(secret.id),
      await viaVictimSlug.restore(secret.id, 1),
      await viaVictimSlug.reveal(secret.id),
      await viaVictimSlug.values(),
      await viaVictimSlug.preview({ content: "A=1" }),
      await viaVictimSlug.importEnv({ content: "A=1" }),
      await viaVictimSlug.rotateDataKey(),
      await viaVictimSlug.remove(secret.id),
      await viaVictimSlug.undelete(secret.id),
    ];
    for (const answer of orgNotFound) expect(answer).toMatchObject({ status: 404, body: { error: { message: "Organization not found" } } });
    expect((await viaVictimSlug.exportEnv()).status).toBe(404);

    // Through the attacker's own org with the victim's secret id: the secret is not found.
    const own = secretsApi(attacker.org.slug, attacker.owner.cookie);
    const secretNotFound = [
      await own.get(secret.id),
      await own.update(secret.id, { value: "overwritten" }),
      await own.versions(secret.id),
      await own.restore(secret.id, 1),
      await own.reveal(secret.id),
      await own.remove(secret.id),
      await own.undelete(secret.id),
    ];
    for (const answer of secretNotFound) expect(answer).toMatchObject({ status: 404, body: { error: { message: "Secret not found" } } });
    expect((await own.list()).body.items).toEqual([]);
    expect((await own.values("?environment=production")).body).toEqual({});
    expect(await (await own.exportEnv()).text()).toBe("");
    // The victim's key is no conflict in the attacker's org.
    expect((await own.preview({ content: "VICTIM_TOKEN=mine" })).body.items).toEqual([{ key: "VICTIM_TOKEN", status: "new" }]);

    const after = await getDb().secret.findUniqueOrThrow({ where: { id: secret.id } });
    expect(after).toMatchObject({ currentVersion: 1, deletedAt: null });
    expect((await secretsApi(victim.org.slug, victim.owner.cookie).reveal(secret.id)).body.value).toBe("victim-value");
    expect(await getDb().orgDataKey.count({ where: { orgId: victim.org.id } })).toBe(1);
  });
});
