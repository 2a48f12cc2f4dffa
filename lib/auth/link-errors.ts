// The answer for an emailed link that no longer works. Used, expired and unknown
// tokens get the same words: the user needs a fresh link either way.
import { AppError } from "../errors";

export function linkNoLongerValid(what: string, remedy: string): AppError {
  return new AppError("gone", `This ${what} link has expired or was already used. ${remedy}`);
}
