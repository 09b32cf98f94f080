/**
 * Pure helpers for the catalog's snippets: frameworks, parameter values put into
 * tab stops, and the imports a snippet body needs. No `vscode`, no DOM.
 */
import type { LossEntry, Snippets } from './types';

export type SnippetFramework = keyof Snippets;
export const SNIPPET_FRAMEWORKS: readonly SnippetFramework[] = ['torch', 'tf', 'jax', 'scratch'];

export const FRAMEWORK_LABELS: Record<SnippetFramework, { en: string; zh: string }> = {
  torch: { en: 'PyTorch', zh: 'PyTorch' },
  tf: { en: 'TensorFlow / Keras', zh: 'TensorFlow / Keras' },
  jax: { en: 'JAX / optax', zh: 'JAX / optax' },
  scratch: { en: 'From scratch', zh: '从零实现' },
};

/** The contributed snippet prefix of an entry and framework. */
export function snippetPrefix(id: string, fw: SnippetFramework): string {
  return `loss-${id}-${fw}`;
}

export function snippetFrameworks(entry: LossEntry): SnippetFramework[] {
  return SNIPPET_FRAMEWORKS.filter((f) => !!entry.snippets[f]);
}

/** A JS value as Python source. */
export function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return "float('nan')";
    if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
    return String(v);
  }
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(v);
}

/** Escapes text for a snippet placeholder default. */
function escapePlaceholder(s: string): string {
  return s.replace(/[$}\\]/g, (c) => '\\' + c);
}

/**
 * Puts parameter values into a snippet's tab stops: `name=${1:default}` and
 * `name=${2|'a','b'|}` become `name=${1:value}` for each given parameter.
 * Parameters without a tab stop of that name are left out.
 */
export function snippetWithParams(body: string, params: Readonly<Record<string, unknown>> = {}): string {
  let out = body;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const repr = escapePlaceholder(pythonRepr(value));
    const re = new RegExp(`(\\b${name}\\s*=\\s*)\\$\\{(\\d+)(?::(?:[^}\\\\]|\\\\.)*|\\|[^|]*\\|)\\}`, 'g');
    out = out.replace(re, (_m, lead: string, n: string) => `${lead}\${${n}:${repr}}`);
  }
  return out;
}

/**
 * The snippet with every tab stop replaced by its default (the first choice for
 * a choice), i.e. the Python code it inserts when the user just tabs through.
 */
export function snippetDefaults(body: string): string {
  let prev = '';
  let s = body;
  // Innermost placeholders first, until none remain.
  while (prev !== s) {
    prev = s;
    s = s
      .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^|\\]|\\.)*)?\|\}/g, (_m, first: string) => first.replace(/\\(.)/g, '$1'))
      .replace(/\$\{\d+:((?:[^${}\\]|\\.)*)\}/g, (_m, def: string) => def.replace(/\\(.)/g, '$1'))
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return s;
}

/** Local names snippets assume, and the import that binds each. */
export const USUAL_IMPORTS: ReadonlyArray<readonly [string, string]> = [
  ['torch', 'import torch'],
  ['nn', 'import torch.nn as nn'],
  ['F', 'import torch.nn.functional as F'],
  ['torchvision', 'import torchvision'],
  ['smp', 'import segmentation_models_pytorch as smp'],
  ['tf', 'import tensorflow as tf'],
  ['keras', 'import keras'],
  ['optax', 'import optax'],
  ['jax', 'import jax'],
  ['jnp', 'import jax.numpy as jnp'],
  ['np', 'import numpy as np'],
  ['math', 'import math'],
];

/**
 * The usual imports a snippet body uses (`nn.` -> `import torch.nn as nn`), in a
 * stable order, leaving out names the body binds itself (its own imports,
 * definitions, parameters) or that are in `bound`.
 */
export function snippetImports(body: string, bound: ReadonlySet<string> = new Set()): string[] {
  const code = snippetDefaults(body)
    .replace(/#.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  const own = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm)) own.add(m[2] ?? m[1].split('.')[0]);
  for (const m of code.matchAll(/^\s*from\s+[\w.]+\s+import\s+([^\n]+)/gm)) {
    for (const part of m[1].replace(/[()]/g, '').split(',')) {
      const p = part.trim().split(/\s+as\s+/);
      own.add((p[1] ?? p[0]).trim());
    }
  }
  const out: string[] = [];
  for (const [name, line] of USUAL_IMPORTS) {
    if (bound.has(name) || own.has(name)) continue;
    if (new RegExp(`(^|[^\\w.])${name}\\.`, 'm').test(code)) out.push(line);
  }
  return out;
}
