// The scale test's verdicts: one line per check, counted for the final line .ci/run reads.
export class Tally {
  passed = 0;
  failed = 0;

  check(name: string, ok: boolean, detail: string): void {
    if (ok) this.passed += 1;
    else this.failed += 1;
    console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
  }

  fail(name: string, error: unknown): void {
    this.check(name, false, (error as Error)?.message ?? String(error));
  }

  line(): string {
    return `scale: ${this.passed} passed, ${this.failed} failed`;
  }
}
