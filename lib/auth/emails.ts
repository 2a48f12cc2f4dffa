// The words of the emails the password flows send. Links carry the token; nothing else
// in them is secret. Plain text keeps the links readable in every mail client.
import { appUrl } from "../env";
import type { Mail } from "../mail/send";

function link(path: string, token?: string): string {
  return token ? `${appUrl()}${path}?token=${token}` : `${appUrl()}${path}`;
}

function greeting(name: string | null | undefined): string {
  return name ? `Hi ${name},` : "Hi,";
}

export function verificationEmail(to: string, name: string | null, token: string): Mail {
  return {
    to,
    subject: "Verify your email address",
    text: [
      greeting(name),
      "",
      "Open this link to verify your email address and finish signing up for Bastion:",
      link("/verify-email", token),
      "",
      "The link works once and expires in 24 hours. If you did not sign up, ignore this email.",
    ].join("\n"),
  };
}

/** To the owner of an address someone tried to sign up with again. */
export function signUpAttemptEmail(to: string, name: string | null): Mail {
  return {
    to,
    subject: "Someone tried to sign up with your email address",
    text: [
      greeting(name),
      "",
      "Someone (maybe you) tried to create a Bastion account with this email address, but you already have one.",
      `Sign in: ${link("/sign-in")}`,
      `Forgot your password? Reset it: ${link("/forgot-password")}`,
      "",
      "If it was not you, you can ignore this email; nothing has changed.",
    ].join("\n"),
  };
}

export function unlockEmail(to: string, name: string | null, token: string, lockedUntil: Date): Mail {
  return {
    to,
    subject: "Your Bastion account was locked",
    text: [
      greeting(name),
      "",
      "After too many failed sign-in attempts, your account is locked until " + `${lockedUntil.toUTCString()}.`,
      "If these attempts were yours, open this link to unlock it now:",
      link("/unlock", token),
      "",
      "If they were not yours, someone may be guessing your password: consider resetting it at " + link("/forgot-password") + ".",
    ].join("\n"),
  };
}

export function passwordResetEmail(to: string, name: string | null, token: string): Mail {
  return {
    to,
    subject: "Reset your Bastion password",
    text: [
      greeting(name),
      "",
      "Open this link to choose a new password:",
      link("/reset-password", token),
      "",
      "The link works once and expires in 1 hour. Resetting signs you out everywhere.",
      "If you did not ask for this, ignore this email; your password stays as it is.",
    ].join("\n"),
  };
}

export function passwordChangedEmail(to: string, name: string | null): Mail {
  return {
    to,
    subject: "Your Bastion password was changed",
    text: [
      greeting(name),
      "",
      "The password of your Bastion account was just reset, and every session was signed out.",
      `If this was not you, reset it again at once: ${link("/forgot-password")}`,
    ].join("\n"),
  };
}
