/**
 * Reading test/fixtures/snippets/runs.json (written by scripts/fixtures/snippets.py): what each
 * snippet gave in real PyTorch, and which snippets are checked by formula only because they
 * import a library that is not installed where the fixtures are made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SnippetRecord {
  key: string;
  hash: string;
  status: 'ok' | 'error' | 'missing-module';
  params: unknown;
  inputs: unknown;
  value?: unknown;
  dtype?: string;
  module?: string;
  error?: string;
  line?: number | null;
}

/** Libraries the snippets may import that Debian's PyTorch setup cannot provide. */
export const FORMULA_ONLY_MODULES: readonly string[] = [
  'segmentation_models_pytorch',
  'pytorch_metric_learning',
  'monai',
  'info_nce',
  'open_clip',
  'allrank',
  'kornia',
  'lpips',
  'timm',
  'robust_loss_pytorch',
  'scipy',
];

export const SNIPPET_RECORDS = join(__dirname, '..', 'test', 'fixtures', 'snippets', 'runs.json');

export function readSnippetRecords(): SnippetRecord[] {
  if (!existsSync(SNIPPET_RECORDS)) return [];
  return (JSON.parse(readFileSync(SNIPPET_RECORDS, 'utf8')) as { runs: SnippetRecord[] }).runs;
}

/** `${id}/${kind}` of the snippets checked by formula only, with the library each needs. */
export function formulaOnlySnippets(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of readSnippetRecords()) {
    if (r.status !== 'missing-module') continue;
    out.set(r.key.split('/').slice(0, 2).join('/'), r.module ?? '?');
  }
  return out;
}
