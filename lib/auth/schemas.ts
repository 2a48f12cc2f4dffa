// Request bodies of the email + password endpoints. Emails are trimmed and lower-cased
// here (the User.email column is stored lower-cased); passwords are passed through
// untouched, with a generous cap so a huge body never reaches scrypt.
import { z } from "zod";
import { text } from "../validation/text";

export const emailSchema = text().trim().toLowerCase().max(254, "Use at most 254 characters").pipe(z.email("Enter a valid email address"));
const anyPassword = text().min(1, "Enter your password").max(1024);
const newPassword = text().max(1024);
const linkToken = text().min(16).max(256);

export const signUpBody = z.object({
  email: emailSchema,
  password: newPassword,
  name: text().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
});

export const signInBody = z.object({
  email: emailSchema,
  password: anyPassword,
  next: text().max(2048).optional(),
});

export const emailOnlyBody = z.object({ email: emailSchema });

export const linkTokenBody = z.object({ token: linkToken });

export const resetPasswordBody = z.object({ token: linkToken, password: newPassword });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
