// Node module hooks for the command-line entry points (start, worker, scripts, benches):
// `server-only` throws unless a bundler resolves it for React Server Components, but these
// processes are server code by definition, so the import resolves to an empty module.
const EMPTY = "data:text/javascript,export {};";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: EMPTY, shortCircuit: true };
  return nextResolve(specifier, context);
}
