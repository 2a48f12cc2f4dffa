// Reads deploy/image/entrypoint.sh and .env.example the way the deployment tests need
// them: which command line each image command runs, and which variables are documented.

/**
 * The image commands and the command line each runs, written as a package.json script
 * would write it (`node --import tsx … scripts/start.ts`).
 */
export function entrypointCommands(script: string): Record<string, string> {
  const runner = /^run\(\) \{ exec (node [^"$]+?) "\$@"; \}$/m.exec(script)?.[1];
  if (!runner) throw new Error("entrypoint.sh: no run() line");
  const commands: Record<string, string> = {};
  for (const match of script.matchAll(/^\s+([\w-]+)\) run (\S+) "\$@" ;;$/gm)) commands[match[1]!] = `${runner} ${match[2]}`;
  return commands;
}

/** Every variable .env.example names, set or commented out. */
export function exampleVariables(example: string): string[] {
  return [...new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!))];
}
