// The one redirect URI Bastion registers with each provider's OAuth app: its own
// callback route, so a flow can only ever come back to Bastion.
// No "server-only" marker: the worker (plain Node) refreshes tokens, which GitLab ties to it.
import { appUrl } from "../../env";
import type { Provider } from "../types";

export function oauthRedirectUri(provider: Provider): string {
  return `${appUrl()}/api/integrations/oauth/${provider}/callback`;
}
