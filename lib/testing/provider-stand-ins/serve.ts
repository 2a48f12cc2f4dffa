// Runs the provider stand-ins as their own process, for a browser test run that starts
// them as a web server entry:
//   node --import tsx lib/testing/provider-stand-ins/serve.ts --port 4710 [--github-key-file key.pem] [--github-setup-url URL]
// Ports are consecutive from --port (github, gitlab, atlassian, linear, slack); the line
// "provider stand-ins ready" is printed with the URLs once all listen. Stops on SIGTERM/SIGINT.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startProviderStandIns } from "./index";

const { values } = parseArgs({ options: { port: { type: "string" }, "github-key-file": { type: "string" }, "github-setup-url": { type: "string" }, "slack-token-rotation": { type: "boolean" } } });
const base = Number(values.port ?? 4710);
const standIns = await startProviderStandIns({
  ports: { github: base, gitlab: base + 1, atlassian: base + 2, linear: base + 3, slack: base + 4 },
  githubAppPrivateKey: values["github-key-file"] ? readFileSync(values["github-key-file"], "utf8") : undefined,
  githubSetupUrl: values["github-setup-url"],
  slackTokenRotation: values["slack-token-rotation"],
});
console.log(`provider stand-ins ready ${JSON.stringify(standIns.urls)}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void standIns.stop().then(() => process.exit(0)));
