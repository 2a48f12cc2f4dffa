// The SCIM directory's bearer token: `bscim_<43 base64url chars>` (256 bits). A prefix of
// its own, and no dot, so the pipeline never mistakes it for an API key or a JWT; only
// its SHA-256 is stored and it is shown once, when created or rotated.
import { hashToken, randomToken } from "../auth/tokens";

export const SCIM_TOKEN_PATTERN = /^bscim_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;

export function generateScimToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `bscim_${randomToken(32)}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), tokenHash: hashToken(token) };
}
