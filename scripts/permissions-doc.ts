// npm run docs:permissions: rewrites the permission table in README.md from lib/authz.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withPermissionMatrix } from "../lib/authz/matrix-markdown";

const readme = path.resolve(import.meta.dirname, "..", "README.md");
writeFileSync(readme, withPermissionMatrix(readFileSync(readme, "utf8")));
console.log("README.md: permission table updated");
