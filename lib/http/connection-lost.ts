// Errors that mean "the database connection went away", not "the request was wrong" or
// "the code is broken": a server restart or failover (57P01..57P03), a broken socket
// (08xxx, "Connection terminated"), a pool that cannot connect. They answer 503 with
// Retry-After, so clients and load balancers retry instead of reporting a crash.

/** SQLSTATE class 08 (connection exception) and the admin/crash/cannot-connect-now shutdowns. */
const CONNECTION_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
const CONNECTION_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
  "Can't reach database server",
  "Server has closed the connection",
];
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "P1001", "P1002", "P1017"]);

/** Seconds a client should wait before retrying; a pool usually reconnects within one. */
export const CONNECTION_LOST_RETRY_AFTER_SECONDS = 2;

type Shape = { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } } };

export function isConnectionLost(error: unknown): boolean {
  // Prisma wraps the driver's error (meta.driverAdapterError.cause) or keeps it as `cause`.
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const shape = current as Shape;
    const adapter = shape.meta?.driverAdapterError?.cause;
    const codes = [shape.code, adapter?.code, adapter?.originalCode].filter((code): code is string => typeof code === "string");
    if (codes.some((code) => CONNECTION_SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof shape.message === "string" && CONNECTION_MESSAGES.some((text) => (shape.message as string).includes(text))) return true;
    current = shape.cause;
  }
  return false;
}
