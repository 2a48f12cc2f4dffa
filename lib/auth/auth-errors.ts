// What the sign-in error page says for each error code next-auth (or our sign-in
// policy) sends the browser there with. Unknown codes get the default message.
export const AUTH_ERROR_MESSAGES = {
  Configuration: { title: "Sign-in is not set up correctly", text: "The server's sign-in configuration has a problem. Please tell your administrator." },
  AccessDenied: { title: "Access denied", text: "You are not allowed to sign in this way." },
  Verification: { title: "This sign-in link no longer works", text: "Sign-in links work once and expire after 15 minutes. Ask for a new one." },
  EmailSignin: { title: "We could not send the sign-in email", text: "Check the address and try again in a moment." },
  OAuthSignin: { title: "Could not reach your identity provider", text: "Single sign-on could not start. Try again, or tell your administrator if it keeps happening." },
  OAuthCallback: { title: "Single sign-on failed", text: "The answer from your identity provider could not be verified, so you were not signed in. Start again from the sign-in page." },
  Callback: { title: "Sign-in failed", text: "Something went wrong while signing you in. Start again from the sign-in page." },
  OAuthCreateAccount: { title: "Could not create your account", text: "Your account could not be created from your identity provider's details." },
  EmailCreateAccount: { title: "Could not create your account", text: "Your account could not be created. Try again in a moment." },
  OAuthAccountNotLinked: { title: "Use your usual sign-in method", text: "An account with this email already exists. Sign in the way you usually do." },
  SsoAccountNotLinked: {
    title: "This identity is not linked to your account",
    text: "An account with this email already exists, and your identity provider's word alone is not enough to link it. Sign in the way you usually do, or ask your administrator to verify your organization's domain.",
  },
  SsoDomainNotVerified: {
    title: "Email domain not verified for this organization",
    text: "This organization's identity provider can only sign in email addresses on the organization's verified domains.",
  },
  SsoEmailNotVerified: { title: "Email address not verified", text: "Your identity provider did not confirm that this email address is yours, so you were not signed in." },
  SsoEmailMissing: { title: "No email address received", text: "Your identity provider did not share an email address. Ask your administrator to release the email claim." },
  AccountDeactivated: { title: "This account is deactivated", text: "Your account has been deactivated. Ask an administrator of your organization for help." },
  SamlResponseInvalid: { title: "Single sign-on failed", text: "The answer from your identity provider could not be verified, so you were not signed in. Start again from your identity provider or the sign-in page." },
  SamlResponseReplayed: { title: "This sign-in was already used", text: "Each answer from your identity provider signs in once. Start again from your identity provider or the sign-in page." },
  SamlAssertionNotEncrypted: { title: "Single sign-on is not set up correctly", text: "This organization requires encrypted SAML assertions and your identity provider sent one unencrypted. Please tell your administrator." },
  SsoNotConfigured: { title: "Single sign-on is not set up", text: "There is no single sign-on for this organization. Check the address, or sign in another way." },
  Default: { title: "Sign-in failed", text: "Something went wrong while signing you in. Please try again." },
} as const satisfies Record<string, { title: string; text: string }>;

export type AuthErrorCode = keyof typeof AUTH_ERROR_MESSAGES;

export function authErrorCode(value: string | null | undefined): AuthErrorCode {
  return value && Object.hasOwn(AUTH_ERROR_MESSAGES, value) ? (value as AuthErrorCode) : "Default";
}
