// Prints test results the way mocha's spec reporter does, from the structured
// results the in-host runner sends (see ../suite/index.ts `TestResult`).

const sym = { passed: '✔', failed: '✗', pending: '-' };

export class SpecPrinter {
  constructor(write = (s) => process.stdout.write(s)) {
    this.write = write;
    this.lastSuites = [];
    this.failures = [];
    this.counts = { passes: 0, failures: 0, pending: 0 };
    this.started = Date.now();
  }

  /** Prints a header line (e.g. a session name). */
  header(text) {
    this.write(`\n  ${text}\n`);
    this.lastSuites = [];
  }

  /** Prints one finished test, with suite headers as they change. */
  test(t) {
    const suites = t.titlePath.slice(0, -1);
    const title = t.titlePath[t.titlePath.length - 1];
    let same = 0;
    while (same < suites.length && same < this.lastSuites.length && suites[same] === this.lastSuites[same]) same++;
    for (let i = same; i < suites.length; i++) this.write(`${i === 0 ? '\n' : ''}${'  '.repeat(i + 2)}${suites[i]}\n`);
    this.lastSuites = suites;
    const indent = '  '.repeat(suites.length + 2);
    if (t.state === 'passed') {
      this.counts.passes++;
      const slow = t.durationMs > 75 ? ` (${t.durationMs}ms)` : '';
      this.write(`${indent}${sym.passed} ${title}${slow}\n`);
    } else if (t.state === 'pending') {
      this.counts.pending++;
      this.write(`${indent}${sym.pending} ${title}\n`);
    } else {
      this.counts.failures++;
      this.failures.push(t);
      this.write(`${indent}${this.failures.length}) ${title}\n`);
    }
  }

  /** Records a failure that is not a test (e.g. no report arrived). */
  fail(titlePath, message, stack) {
    this.test({ titlePath, state: 'failed', durationMs: 0, error: { message, stack } });
  }

  /** Prints mocha's closing block: passing/failing/pending and each failure. */
  summary() {
    const { passes, failures, pending } = this.counts;
    const secs = Math.round((Date.now() - this.started) / 1000);
    this.write(`\n\n  ${passes} passing (${secs}s)\n`);
    if (pending) this.write(`  ${pending} pending\n`);
    if (failures) this.write(`  ${failures} failing\n`);
    this.failures.forEach((t, i) => {
      this.write(`\n  ${i + 1}) ${t.titlePath.join('\n       ')}:\n`);
      const stack = t.error?.stack && t.error.stack.includes(t.error.message) ? t.error.stack : `${t.error?.message ?? ''}\n${t.error?.stack ?? ''}`;
      this.write(`${stack.trim().split('\n').map((l) => `     ${l}`).join('\n')}\n`);
    });
    this.write('\n');
    return this.counts;
  }
}
