// The Prisma client, one per process. The connection comes from DATABASE_URL in server
// mode, or from the embedded PostgreSQL that boot() started in single-process mode.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env, mode } from "./env";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { clearProcessSingleton, processSingleton, runtimeState } from "./runtime";

export type Db = PrismaClient;
/** What a function may use inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
export { Prisma };

export function databaseUrl(): string {
  const configured = env().DATABASE_URL;
  if (configured) return configured;
  const embedded = runtimeState().embeddedPostgres;
  if (!embedded) {
    throw new Error("the embedded database is not started; start Bastion with `npm start` (or set DATABASE_URL)");
  }
  return embedded.connectionString;
}

/** Pool size 1 in single-process mode: PGlite serializes transactions across connections. */
export function poolSize(): number {
  return mode() === "single-process" ? 1 : env().DATABASE_POOL_SIZE;
}

type Connection = { pool: pg.Pool; client: PrismaClient };

function connection(): Connection {
  return processSingleton("db", () => {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: poolSize(),
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: "bastion",
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    return { pool, client };
  });
}

export function getDb(): Db {
  return connection().client;
}

export function getPool(): pg.Pool {
  return connection().pool;
}

export async function disconnectDb(): Promise<void> {
  const store = globalThis as unknown as Record<symbol, Connection | undefined>;
  const current = store[Symbol.for("bastion.singleton.db")];
  if (!current) return;
  clearProcessSingleton("db");
  await current.client.$disconnect();
  await current.pool.end();
}
