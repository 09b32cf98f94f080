/**
 * The lint bench's files and its timing loop, shared by the editor suite (./editor.ts: in the
 * bench's own process) and the vscode suite's probe (./vscode/probe.ts: inside code-server's
 * extension host, whose heap is the one the lint runs in for users).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles } from '../scripts/lint-doc';
import { cellSource, lex, type TokenSink } from '../src/python/tokens';
import { fmtMs, met, pct, type Cells, type Row } from './table';

/**
 * A 5,000-line training script: a 50-line block (model, criteria, softmax flows, Keras head)
 * repeated, each copy with its own names (`logits_7 = model_7(x_7)`), so that no statement's text
 * comes twice: the lint shares the parse of statements written alike (src/python/lint/parse-cache.ts),
 * and a file of identical copies would time that sharing more than the lint.
 */
export function lintSource(): string {
  const head = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', 'import tensorflow as tf', 'from tensorflow.keras import layers'];
  const block = (i: number) => {
    const n = `_${i}`;
    return [
      `class Net${n}(nn.Module):`,
      `    def __init__(self, n_classes${n}):`,
      `        super(Net${n}, self).__init__()`,
      `        self.fc${n} = nn.Linear(128, n_classes${n})`,
      `        self.softmax${n} = nn.Softmax(dim=1)`,
      `        self.criterion${n} = nn.NLLLoss()`,
      '',
      `    def forward(self, x${n}):`,
      `        h${n} = torch.relu(self.fc${n}(x${n}))`,
      `        return h${n}`,
      '',
      `    def loss(self, x${n}, y${n}):`,
      `        out${n} = self.forward(x${n})`,
      `        p${n} = self.softmax${n}(out${n})`,
      `        return self.criterion${n}(p${n}, y${n})`,
      '',
      `def train${n}(model${n}, loader${n}, optimizer${n}, device${n}):`,
      `    criterion${n} = nn.CrossEntropyLoss(label_smoothing=0.1)`,
      `    kl${n} = nn.KLDivLoss(reduction="batchmean")`,
      `    for step${n}, (x${n}, y${n}) in enumerate(loader${n}):`,
      `        x${n}, y${n} = x${n}.to(device${n}), y${n}.to(device${n})`,
      `        logits${n} = model${n}(x${n})`,
      `        probs${n} = F.softmax(logits${n}, dim=1)`,
      `        acc${n} = (probs${n}.argmax(1) == y${n}).float().mean()`,
      `        loss${n} = criterion${n}(logits${n}, y${n})`,
      `        loss${n} = loss${n} + 0.1 * kl${n}(F.log_softmax(logits${n}, dim=1), probs${n}.detach())`,
      `        if step${n} % 100 == 0:`,
      `            print(step${n}, loss${n}.item(), acc${n}.item())`,
      `        optimizer${n}.zero_grad()`,
      `        loss${n}.backward()`,
      `        optimizer${n}.step()`,
      `    return loss${n}`,
      '',
      `def evaluate${n}(model${n}, loader${n}):`,
      `    total${n} = 0.0`,
      `    for x${n}, y${n} in loader${n}:`,
      `        scores${n} = torch.sigmoid(model${n}(x${n}))`,
      `        total${n} += F.binary_cross_entropy(scores${n}, y${n}.float()).item()`,
      `    return total${n} / len(loader${n})`,
      '',
      `model${n} = tf.keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10)])`,
      `model${n}.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy${n}"])`,
      `w${n} = {"alpha": 0.25, "gamma": 2.0, "name": "focal${n}"}`,
      `values${n} = [x${n} * 2 for x${n} in range(10${n}) if x${n} % 3]`,
      `# a comment that mentions F.cross_entropy(F.softmax(x${n}), y)`,
      `'''A string that mentions nn.CrossEntropyLoss(out${n}, y).'''`,
      '',
      '',
      '',
    ];
  };
  const out = [...head];
  for (let i = 0; out.length < 5000; i++) out.push(...block(i));
  return out.slice(0, 5000).join('\n');
}

/**
 * The `.py` files of the real-code corpus (test/fixtures/realcode/), one after another and again
 * from the first until there are 5,000 lines (the corpus has about 2,000): loss code only.
 */
export function corpusSource(): string {
  const files = corpusFiles().filter((f) => f.endsWith('.py')).map((f) => readFileSync(f, 'utf8').split('\n'));
  const lines: string[] = [];
  for (let k = 0; lines.length < 5000 && files.length; k++) lines.push(...files[k % files.length]);
  return lines.slice(0, 5000).join('\n');
}

const TORCH_MODULES = '/usr/lib/python3/dist-packages/torch/nn/modules';
/** Torch's own torch/nn/modules (ordinary library code: modules, docstrings, a few losses), cut to 5,000 lines; undefined without Debian's python3-torch. */
export function torchModulesSource(): string | undefined {
  if (!existsSync(TORCH_MODULES)) return undefined;
  const lines: string[] = [];
  for (const f of ['module.py', 'loss.py', 'rnn.py', 'transformer.py', 'activation.py', 'conv.py']) lines.push(...readFileSync(join(TORCH_MODULES, f), 'utf8').split('\n'));
  return lines.slice(0, 5000).join('\n');
}

const PY_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/**
 * Version `i` of `src` as typing makes it: one line, a different one each time, has its last
 * identifier renamed (`loss` → `loss_e3`), so that statement's text is new and the lines keep their
 * places; the versions before and after differ in two lines.
 */
export function editedVersion(lines: readonly string[], i: number): string {
  const out = [...lines];
  for (let k = 0; k < out.length; k++) {
    const at = (i * 131 + k * 7) % out.length;
    const names = [...out[at].matchAll(/\b[A-Za-z_]\w*\b/g)].filter((m) => !PY_KEYWORDS.has(m[0]));
    const last = names[names.length - 1];
    if (!last || last.index === undefined) continue;
    out[at] = `${out[at].slice(0, last.index)}${last[0]}_e${i}${out[at].slice(last.index + last[0].length)}`;
    return out.join('\n');
  }
  return `${lines.join('\n')}\n# edit ${i}`;
}

/** The lint rows' files, in the rows' order: torch's modules (with Debian's python3-torch), the corpus, the worst case. */
export function lintFiles(): Array<{ label: string; src: string }> {
  const torch = torchModulesSource();
  return [
    ...(torch ? [{ label: "torch 1.13's own torch/nn/modules", src: torch }] : []),
    { label: 'the real-code corpus, its files end to end', src: corpusSource() },
    { label: 'the worst case, a 50-line block of misuses repeated with new names', src: lintSource() },
  ];
}

/** Warm-up runs before a file's timed lints, and timed lints per file and mode. */
export const LINT_WARM_UP = 30;
/**
 * 300, so that p99 is a percentile: the third slowest run (pct), with at most two above it. With
 * 100 runs (until 2026-12-07) "p99" was the slowest run; the rows show the slowest as `max`.
 */
export const LINT_RUNS = 300;

export interface LintTimes {
  /** Diagnostics of the file's first lint, and that lint's time (untimed by the rows). */
  found: number;
  firstMs: number;
  /** Nothing cached (`parseCache: null`, the first lint of a file), then as in the editor (the version before's parses kept). */
  cold: number[];
  cached: number[];
  /**
   * The machine's speed while the lints ran: lexing the same version of the file into a sink that
   * keeps nothing (no allocation, no lint), timed just before each timed lint. The machine has slow
   * periods in which all code runs 1.4-1.9x slower; a reference p50 well above its usual value says
   * a row's times are from one.
   */
  reference: number[];
}

/** Takes every token and keeps none (the reference's sink). */
const NO_SINK: TokenSink = { token() {}, string() {} };

/**
 * One turn of the event loop, as between two lints in the editor, which runs each in a timer's
 * callback 250 ms after the last keystroke (src/extension/editor/lint.ts). V8 runs the tasks it has
 * posted meanwhile: above all the scavenge it schedules when the young generation is nearly full,
 * which in a loop of back-to-back lints lands inside the next lint instead (in 300 worst-case lints,
 * 121 had a scavenge inside back to back, 62 with a turn between).
 */
const eventLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `lint(text, mode)` (returning its diagnostics' count, or a promise of it: a lint in a thread) on `src` once, then per mode LINT_WARM_UP
 * untimed and LINT_RUNS timed runs, each on a new version of the file (editedVersion), one turn of
 * the event loop apart.
 */
export async function timeLints(src: string, lint: (text: string, mode: 'cold' | 'cached') => number | Promise<number>): Promise<LintTimes> {
  const t0 = performance.now();
  const found = await lint(src, 'cold');
  const firstMs = performance.now() - t0;
  const lines = src.split('\n');
  const reference: number[] = [];
  const run = async (mode: 'cold' | 'cached'): Promise<number[]> => {
    // Warm-up: a long-running extension host has its code optimised and its young generation grown.
    // With 6 runs the JIT was still at work in the first timed runs (times of 2-3x the median).
    for (let w = 0; w < LINT_WARM_UP; w++) await lint(`${src}\n# warm-up ${w}`, mode);
    const times: number[] = [];
    for (let i = 0; i < LINT_RUNS; i++) {
      const edited = editedVersion(lines, i);
      const r = performance.now();
      lex(cellSource(edited), NO_SINK);
      reference.push(performance.now() - r);
      await eventLoopTurn();
      const t = performance.now();
      await lint(edited, mode);
      times.push(performance.now() - t);
    }
    return times;
  };
  const cold = await run('cold');
  const cached = await run('cached');
  return { found, firstMs, cold, cached, reference };
}

/** A lint row's cells: p50, p99, the slowest and how many runs missed (a collection landing in one run is not a slow lint). */
export function lintTimeCells(times: readonly number[]): Cells {
  return {
    ours: `p50 ${fmtMs(pct(times, 50))}, p99 ${fmtMs(pct(times, 99))}, max ${fmtMs(Math.max(...times))}, ${times.filter((x) => x >= 20).length} of ${times.length} runs ≥ 20 ms`,
    target: 'p99 < 20 ms',
    met: met(pct(times, 99) < 20),
  };
}

/** The two rows of one file's timed lints (`what` starts the case's name). */
export function lintRows(suite: string, what: string, label: string, t: LintTimes): Row[] {
  const rows: Row[] = ([[t.cold, 'first lint, nothing cached'], [t.cached, "after a one-line edit, the version before's parses kept"]] as const).map(([times, how]) => ({
    suite,
    cells: { case: `${what}: ${label} (${t.found} diagnostics), ${how}`, ...lintTimeCells(times) },
  }));
  // Older probes (a code-server built before the reference) send none.
  if (t.reference?.length) {
    rows.push({ suite, cells: { case: `${what}: ${label}, machine reference while those lints ran (lexing the same version, no lint, just before each)`, ours: `p50 ${fmtMs(pct(t.reference, 50))}, p90 ${fmtMs(pct(t.reference, 90))}` } });
  }
  return rows;
}
