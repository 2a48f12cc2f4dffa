// Every console page, light and dark, desktop (1440x900) and phone (390x844), saved under
// .test-results/screenshots/<page>-<theme>-<viewport>.png to be looked at. Each view is
// also checked for what a screenshot hides: no page-level horizontal scroll, the right
// status (403/404 for the refusals) and the console frame around signed-in pages.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { contextFor, seedConsole, settle, type SeededConsole } from "./support/console-pages";
import { appOrigin } from "./support/db";

const outDir = path.join(import.meta.dirname, "..", ".test-results", "screenshots");
const viewports = { desktop: { width: 1440, height: 900 }, mobile: { width: 390, height: 844 } } as const;
const themes = ["light", "dark"] as const;

let seeded: SeededConsole;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mkdirSync(outDir, { recursive: true });
  seeded = await seedConsole(appOrigin);
});

for (const theme of themes) {
  for (const [viewportName, viewport] of Object.entries(viewports)) {
    test(`every console page, ${theme}, ${viewportName}`, async ({ browser }) => {
      test.setTimeout(240_000);
      for (const view of seeded.pages) {
        const context = await contextFor(browser, seeded, view.as, { viewport, colorScheme: theme });
        const page = await context.newPage();
        const response = await page.goto(view.path);
        const expected = view.name === "forbidden" ? 403 : view.name === "not-found" ? 404 : 200;
        expect(response?.status(), view.path).toBe(expected);
        await settle(page);
        if (view.as !== "anonymous") {
          await expect(page.getByRole("button", { name: "Account menu" }), `${view.name}: inside the console frame`).toBeVisible();
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${view.name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(outDir, `${view.name}-${theme}-${viewportName}.png`), fullPage: view.name !== "api-reference" });
        await context.close();
      }
    });
  }
}
