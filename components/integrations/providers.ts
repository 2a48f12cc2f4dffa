// What the console shows for each provider: its name and the ways to connect it. Token and
// key methods are forms posted to the connect API; OAuth and app installs go through the
// provider (shown only when this instance has the provider's OAuth app configured).
import type { ConnectInput } from "@/lib/integrations/queries";
import { PROVIDERS, type Provider } from "@/lib/integrations/types";

export const PROVIDER_LABELS: Record<Provider, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", slack: "Slack" };

/** The catalogue's one line per provider. */
export const PROVIDER_DESCRIPTIONS: Record<Provider, string> = {
  github: "Repositories, pull requests, issues and pushes from GitHub.com or GitHub Enterprise.",
  gitlab: "Projects, merge requests, issues and pipelines from GitLab.com or self-managed GitLab.",
  jira: "Issues and projects from Jira Cloud or Jira Data Center.",
  linear: "Issues, projects and cycles from your Linear workspace.",
  slack: "Posts the events your notification rules choose to Slack channels.",
};

/** Logos shipped in public/providers (drawn for Bastion; nothing loaded from elsewhere). */
export const PROVIDER_LOGOS: Record<Provider, string> = {
  github: "/providers/github.svg",
  gitlab: "/providers/gitlab.svg",
  jira: "/providers/jira.svg",
  linear: "/providers/linear.svg",
  slack: "/providers/slack.svg",
};

/** A method works only once the operator configured the instance's app (OAuth client, GitHub App). */
export function needsInstanceApp(method: ConnectMethod): boolean {
  return method.kind === "oauth" || method.method === "app";
}

export const METHOD_LABELS: Record<string, string> = { app: "GitHub App", token: "Access token", api_key: "API key", oauth: "OAuth", bot: "Bot" };

export type FieldName = "token" | "installationId" | "baseUrl" | "email";
export type MethodField = { name: FieldName; label: string; type: "password" | "text" | "url" | "email"; required: boolean; placeholder?: string };
export type FormMethod = { kind: "form"; id: string; method: ConnectInput["method"]; label: string; help: string; fields: MethodField[] };
export type OAuthMethod = { kind: "oauth"; id: string; label: string; help: string; askBaseUrl: boolean };
export type ConnectMethod = FormMethod | OAuthMethod;

const token = (label: string): MethodField => ({ name: "token", label, type: "password", required: true });
const baseUrl = (label: string, required: boolean, placeholder: string): MethodField => ({ name: "baseUrl", label, type: "url", required, placeholder });

export const CONNECT_METHODS: Record<Provider, ConnectMethod[]> = {
  github: [
    { kind: "oauth", id: "app-install", label: "Install the GitHub App", help: "Choose the account and repositories on GitHub; Bastion mints short-lived installation tokens.", askBaseUrl: false },
    { kind: "form", id: "app", method: "app", label: "GitHub App installation id", help: "An installation of this instance's GitHub App.", fields: [{ name: "installationId", label: "Installation id", type: "text", required: true, placeholder: "12345678" }] },
    { kind: "form", id: "token", method: "token", label: "Fine-grained token", help: "A fine-grained personal access token with read access to the repositories.", fields: [token("Token")] },
  ],
  gitlab: [
    { kind: "oauth", id: "oauth", label: "Sign in with GitLab", help: "OAuth with PKCE; leave the URL empty for gitlab.com.", askBaseUrl: true },
    { kind: "form", id: "token", method: "token", label: "Project or group access token", help: "Leave the URL empty for gitlab.com.", fields: [token("Access token"), baseUrl("GitLab URL", false, "https://gitlab.example.com")] },
  ],
  jira: [
    { kind: "oauth", id: "oauth", label: "Sign in with Atlassian", help: "OAuth 2.0 (3LO), Jira Cloud only.", askBaseUrl: false },
    { kind: "form", id: "api_key", method: "api_key", label: "Jira Cloud API token", help: "Your Atlassian account email and an API token.", fields: [baseUrl("Site URL", true, "https://your-site.atlassian.net"), { name: "email", label: "Email", type: "email", required: true }, token("API token")] },
    { kind: "form", id: "token", method: "token", label: "Jira Data Center token", help: "A personal access token of your Data Center instance.", fields: [baseUrl("Jira URL", true, "https://jira.example.com"), token("Personal access token")] },
  ],
  linear: [
    { kind: "oauth", id: "oauth", label: "Sign in with Linear", help: "OAuth with PKCE.", askBaseUrl: false },
    { kind: "form", id: "api_key", method: "api_key", label: "Linear API key", help: "A personal API key from Linear's settings.", fields: [token("API key")] },
  ],
  slack: [{ kind: "oauth", id: "oauth", label: "Add to Slack", help: "Installs Bastion's Slack app in your workspace with a bot token.", askBaseUrl: false }],
};

/** The connect API's body for a form method, from the dialog's field values. */
export function connectBody(provider: Provider, method: FormMethod, values: Partial<Record<FieldName, string>>, name: string): ConnectInput {
  const fields = Object.fromEntries(method.fields.map((field) => [field.name, (values[field.name] ?? "").trim()]).filter(([, value]) => value !== ""));
  return { provider, method: method.method, ...fields, ...(name.trim() ? { name: name.trim() } : {}) } as ConnectInput;
}

/** A dialog the URL can open (?connect=slack, ?setup=slack), so other pages can link to it. */
export type OpenDialog = { kind: "connect" | "setup"; provider: Provider } | null;

export function dialogFromQuery(query: { connect?: string; setup?: string }): OpenDialog {
  const provider = (value?: string) => PROVIDERS.find((candidate) => candidate === value);
  const connect = provider(query.connect);
  if (connect) return { kind: "connect", provider: connect };
  const setup = provider(query.setup);
  return setup ? { kind: "setup", provider: setup } : null;
}
