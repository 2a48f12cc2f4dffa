// Every console page, light and dark, desktop (1440x900) and phone (390x844), saved under
// .test-results/screenshots/<page>-<theme>-<viewport>.png to be looked at. Each view is
// also checked for what a screenshot hides: no page-level horizontal scroll, the right
// status (403/404 for the refusals) and the console frame around signed-in pages.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { contextFor, seedConsole, settle, type SeededConsole } from "./support/console-pages";
import { appOrigin } from "./support/db";

const outDir = path.join(import.meta.dirname, "..", ".test-results", "screenshots");
const viewports = { desktop: { width: 1440, height: 900 }, mobile: { width: 390, height: 844 } } as const;
const themes = ["light", "dark"] as const;

let seeded: SeededConsole;

/** The innermost elements reaching past the viewport's right edge (empty when the page does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")} (${Math.round(element.getBoundingClientRect().right)}px)`;
    const wide = [...document.body.querySelectorAll("*")].filter((element) => {
      if (element.getBoundingClientRect().right <= root.clientWidth + 1) return false;
      // Inside a box that scrolls on its own, it does not widen the page.
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(parent).overflowX) && parent.getBoundingClientRect().right <= root.clientWidth + 1) return false;
      }
      return ![...element.children].some((child) => child.getBoundingClientRect().right > root.clientWidth + 1);
    });
    return [`page is ${root.scrollWidth - root.clientWidth}px too wide`, ...wide.slice(0, 4).map(describe)];
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mkdirSync(outDir, { recursive: true });
  seeded = await seedConsole(appOrigin);
});

for (const theme of themes) {
  for (const [viewportName, viewport] of Object.entries(viewports)) {
    test(`every console page, ${theme}, ${viewportName}`, async ({ browser }) => {
      test.setTimeout(480_000);
      for (const view of seeded.pages) {
        const context = await contextFor(browser, seeded, view.as, { viewport, colorScheme: theme });
        const page = await context.newPage();
        const response = await page.goto(view.path);
        const expected = view.name === "forbidden" ? 403 : view.name === "not-found" ? 404 : 200;
        expect(response?.status(), view.path).toBe(expected);
        await settle(page);
        if (view.as !== "anonymous" && !view.outsideFrame) {
          await expect(page.getByRole("button", { name: "Account menu" }), `${view.name}: inside the console frame`).toBeVisible();
        }
        await page.screenshot({ path: path.join(outDir, `${view.name}-${theme}-${viewportName}.png`), fullPage: view.name !== "api-reference" });
        // Soft, so one wide page does not hide the screenshots of the others; the message names the culprits.
        expect.soft(await sidewaysOverflow(page), `${view.name} scrolls sideways at ${viewport.width}px`).toEqual([]);
        await context.close();
      }
    });
  }
}
