// GitHub's connect flow is an App installation, not OAuth: the admin is sent to the
// app's install page with our state, and GitHub sends them back to the app's Setup URL
// (Bastion's callback) with installation_id, setup_action and the same state.
// No "server-only" marker: the worker (plain Node) loads the provider registry.
import { env } from "../../../env";
import { githubAppSettings } from "./app-auth";

/** Where to install the app, or null when no app (id, key and slug) is configured. */
export function githubAppInstallUrl(state: string): string | null {
  const app = githubAppSettings();
  if (!app?.slug) return null;
  const url = new URL(`${env().GITHUB_WEB_URL}/apps/${encodeURIComponent(app.slug)}/installations/new`);
  url.searchParams.set("state", state);
  return url.toString();
}
