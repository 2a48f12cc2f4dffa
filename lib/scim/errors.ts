// SCIM's error vocabulary (RFC 7644 section 3.12): a body with the Error schema, the
// status as a string and, for 400 and 409, a scimType. Domain code throws ScimError; the
// SCIM route wrapper rewrites every other error the pipeline produced into this shape.
import { AppError, type ErrorCode } from "../errors";

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType = "invalidFilter" | "tooMany" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue" | "invalidVers" | "sensitive";

const CODE_FOR_STATUS: Record<number, ErrorCode> = { 400: "bad_request", 404: "not_found", 409: "conflict" };

export class ScimError extends AppError {
  constructor(
    readonly scimStatus: 400 | 404 | 409,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(CODE_FOR_STATUS[scimStatus]!, message, scimType ? { scimType } : undefined);
  }

  override get status(): number {
    return this.scimStatus;
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: string) {
  return { schemas: [SCIM_ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}
