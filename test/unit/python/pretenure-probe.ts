/**
 * Run by lint-pretenuring.test.ts in a child process (`--allow-natives-syntax --expose-gc
 * --max-semi-space-size=4`): lints
 * a loss-heavy file many times in a large heap, where V8 pretenures literal sites whose objects
 * survive scavenges, and prints which share of the lint's records were made in the young
 * generation: bindings and their lists, parsed statements, call records, diagnostics.
 */
import { Program } from '../../../src/python/lint/program';
import { Reporter } from '../../../src/python/lint/report';
import { checkFlow } from '../../../src/python/lint/flow-rules';
import { checkParams } from '../../../src/python/lint/param-rules';
import { checkKeras } from '../../../src/python/lint/keras-rules';

const inYoung = new Function('o', 'return %InYoungGeneration(o)') as (o: unknown) => boolean;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc --allow-natives-syntax');

/** A training module: one block with criteria, softmax flows and misuses, repeated. */
function source(blocks: number): string {
  const out = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F'];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `def train_${i}(model, loader):`,
      '    criterion = nn.NLLLoss()',
      '    for x, y in loader:',
      '        logits = model(x)',
      '        probs = F.softmax(logits, dim=1)',
      '        loss = criterion(probs, y)',
      '        loss.backward()',
      '    return loss',
      '',
    );
  }
  return out.join('\n');
}

// The extension host's heap is large: ballast of about 100 MB, kept to the end.
const ballast = Array.from({ length: 1_000_000 }, (_, i) => ({ i, s: `b${i}` }));
gc();
// 100 blocks: a lint allocates well under the young generation the test sets (4 MB semi-spaces), so
// its records cannot survive two scavenges inside it and be promoted for that reason. Only records
// made old from the start (pretenured) show as old.
const src = source(100);
const counts: Record<string, [young: number, all: number]> = {};
const tally = (what: string, o: unknown) => {
  const c = (counts[what] ??= [0, 0]);
  if (inYoung(o)) c[0]++;
  c[1]++;
};
for (let run = 0; run < 120; run++) {
  const prog = new Program([`${src}\n# run ${run}`], {});
  const rep = new Reporter(prog, 'en');
  checkFlow(prog, rep);
  checkParams(prog, rep);
  checkKeras(prog, rep);
  // Sampled at once, before a scavenge can move them: made young, they are young now.
  if (run >= 60) {
    for (const s of prog.stmts) {
      if (s.text(0) !== 'loss' || s.text(2) !== 'criterion') continue;
      tally('parsed statement', s.p);
      const b = prog.reaching('criterion', s);
      if (b) tally('binding', b);
      const list = prog.bindingsIn(s.scope, 'criterion');
      tally('binding list', list);
      break;
    }
    const call = prog.callsNamed(['criterion'])[0];
    if (call) tally('call record', call);
    for (const d of rep.out.slice(0, 20)) tally('diagnostic', d);
  }
  prog.release();
}
console.log(JSON.stringify({ counts, ballast: ballast.length }));
