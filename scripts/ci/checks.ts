// A small harness for the CI scripts under scripts/ci: each check prints "ok" or
// "not ok" with its name, and the run ends with "<name>: N passed, N failed, N skipped",
// the line .ci/run adds to the test suite's total.
type Tally = { passed: number; failed: number };

export function createChecks(name: string) {
  const tally: Tally = { passed: 0, failed: 0 };
  return {
    /** Runs one check; a thrown error fails it (and only it). Returns the check's value. */
    async check<T>(title: string, run: () => T | Promise<T>): Promise<T | undefined> {
      const started = Date.now();
      try {
        const value = await run();
        tally.passed += 1;
        console.log(`ok - ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return value;
      } catch (error) {
        tally.failed += 1;
        console.log(`not ok - ${title}: ${(error as Error).message}`);
        return undefined;
      }
    },
    fail(title: string, reason: string): void {
      tally.failed += 1;
      console.log(`not ok - ${title}: ${reason}`);
    },
    summary(): never {
      console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed, 0 skipped`);
      process.exit(tally.failed > 0 ? 1 : 0);
    },
  };
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
