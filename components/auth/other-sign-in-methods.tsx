// Sign-in methods besides the password form (magic link, SSO), shown under it on the
// sign-in page. Filled in by the magic-link and SSO work.
export function OtherSignInMethods() {
  return null;
}
