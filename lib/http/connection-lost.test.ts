import { describe, expect, it } from "vitest";
import { GET as getAccount } from "@/app/api/v1/account/route";
import { getPool } from "../db";
import { describeWith } from "../testing/describe";
import { signedInUser } from "../testing/fixtures";
import { call } from "../testing/http";
import { isConnectionLost } from "./connection-lost";

describe("isConnectionLost", () => {
  it("recognises PostgreSQL shutdowns, connection exceptions and broken sockets, however Prisma wraps them", () => {
    const adapter = (code: string) => ({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code, originalCode: code } } } });
    for (const error of [adapter("57P01"), adapter("57P02"), adapter("57P03"), adapter("08006"), adapter("08P01"), new Error("Connection terminated unexpectedly"), new Error("Client has encountered a connection error and is not queryable"), Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), new Error("wrapped", { cause: new Error("Connection terminated due to connection timeout") })]) {
      expect(isConnectionLost(error), JSON.stringify(error) + String(error)).toBe(true);
    }
  });

  it("leaves other database and program errors alone", () => {
    for (const error of [new Error("boom"), { code: "P2002" }, { meta: { driverAdapterError: { cause: { code: "23505" } } } }, null, "text"]) {
      expect(isConnectionLost(error)).toBe(false);
    }
  });
});

describeWith(["postgres"], "a database connection lost just before a query", () => {
  it("answers 503 unavailable with Retry-After, and the next request is served", async () => {
    const { cookie } = await signedInUser();
    expect((await call(getAccount, "GET", "/api/v1/account", { cookie })).status).toBe(200);
    // The socket of the pooled connection the next query takes dies without the pool
    // noticing yet: the race a server restart or failover produces.
    const pooled = await getPool().connect();
    (pooled as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    pooled.release();
    const lost = await call(getAccount, "GET", "/api/v1/account", { cookie });
    expect({ status: lost.status, retryAfter: lost.headers.get("retry-after"), code: lost.body.error.code }).toEqual({ status: 503, retryAfter: "2", code: "unavailable" });
    expect((await call(getAccount, "GET", "/api/v1/account", { cookie })).status).toBe(200);
  });
});

describeWith(["postgres"], "text PostgreSQL refuses, reaching it from outside the pipeline", () => {
  it("maps the driver's invalid byte sequence to 422, not 500", async () => {
    const { getDb } = await import("../db");
    const { toErrorResponse } = await import("./errors");
    const error = await getDb().organization.findFirst({ where: { slug: "a\u0000b" } }).catch((caught: unknown) => caught);
    const { response, expected } = toErrorResponse(error, "req-1");
    expect({ status: response.status, expected }).toEqual({ status: 422, expected: true });
  });
});
