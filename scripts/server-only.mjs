// Preloaded with `node --import ./scripts/server-only.mjs` (see package.json scripts).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
