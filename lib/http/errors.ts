// The one place where errors become responses: { "error": { code, message, details? } }.
// A lost database connection becomes a 503 with Retry-After; other unexpected errors
// become a bare 500 carrying only the request id.
import { ZodError } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { CONNECTION_LOST_RETRY_AFTER_SECONDS, isConnectionLost } from "./connection-lost";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown; requestId?: string } };

export function errorResponse(code: ErrorCode, message: string, requestId: string, details?: unknown, status: number = ERROR_STATUS[code]): Response {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
  return Response.json(body, { status });
}

/** Maps a thrown value to a response; `expected` is false for the ones worth an error log. */
export function toErrorResponse(error: unknown, requestId: string): { response: Response; expected: boolean } {
  if (error instanceof AppError) {
    // error.status: a code's usual status, or the error's own (the monthly API quota is a 429).
    const response = errorResponse(error.code, error.message, requestId, error.details, error.status);
    for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
    return { response, expected: true };
  }
  if (error instanceof ZodError) {
    return {
      response: errorResponse("invalid_request", "The request is invalid", requestId, zodDetails(error)),
      expected: true,
    };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // A unique violation that validation could not foresee (a race): a conflict, not a crash.
    if (error.code === "P2002") {
      return { response: errorResponse("conflict", "A resource with these values already exists", requestId), expected: true };
    }
    if (error.code === "P2025") {
      return { response: errorResponse("not_found", "Resource not found", requestId), expected: true };
    }
    // The pipeline refuses NUL before it gets here; this is the net for text from elsewhere.
    if (UNSTORABLE_TEXT.has(driverCode(error) ?? "")) {
      return { response: errorResponse("invalid_request", "The request contains characters that cannot be stored", requestId), expected: true };
    }
  }
  if (isConnectionLost(error)) {
    const response = errorResponse("unavailable", "The database is unavailable; try again shortly", requestId);
    response.headers.set("retry-after", String(CONNECTION_LOST_RETRY_AFTER_SECONDS));
    // Still logged: an outage or failover is worth an operator's attention.
    return { response, expected: false };
  }
  return {
    response: errorResponse("internal_error", "Something went wrong on our side", requestId),
    expected: false,
  };
}

/** invalid_byte_sequence_for_encoding (NUL in text) and untranslatable_character. */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

function driverCode(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta as { driverAdapterError?: { cause?: { code?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
