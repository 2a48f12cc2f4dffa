// The invitation email.
import { appUrl } from "../env";

export function invitationLink(token: string): string {
  // In the fragment: browsers never send it to the server, so it stays out of logs and pages.
  return `${appUrl()}/invitations/accept#token=${encodeURIComponent(token)}`;
}

export function invitationEmail(input: { to: string; orgName: string; inviterName: string; role: string; token: string; expiresAt: Date }) {
  const link = invitationLink(input.token);
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.orgName} on Bastion`,
    text: [
      `${input.inviterName} invited you to join ${input.orgName} on Bastion as ${input.role}.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works until ${input.expiresAt.toUTCString()}. If you did not expect this invitation, ignore this email.`,
    ].join("\n"),
  };
}
