/**
 * Quick Pick rows for losses (pure data; the commands add buttons): searchable
 * by name in both languages, alias, category and API symbol.
 */
import { LOSSES } from '../../losses';
import type { Language, LossEntry } from '../../losses';
import { FRAMEWORK_LABELS, snippetFrameworks, type SnippetFramework } from '../../losses/snippets';

export interface LossPick {
  label: string;
  description: string;
  detail: string;
  entry: LossEntry;
}

export function lossPick(entry: LossEntry, lang: Language): LossPick {
  const other = lang === 'en' ? entry.names.zh : entry.names.en;
  const apis = entry.apis.map((a) => a.symbol).join(', ');
  const aliases = (entry.aliases ?? []).join(', ');
  return {
    label: entry.names[lang],
    description: [other, entry.category, aliases].filter(Boolean).join(' · '),
    detail: [apis, entry.summary[lang]].filter(Boolean).join(' — '),
    entry,
  };
}

export function lossPicks(lang: Language, filter?: (e: LossEntry) => boolean): LossPick[] {
  return LOSSES.filter((e) => !filter || filter(e)).map((e) => lossPick(e, lang));
}

/** Roughly how VS Code's Quick Pick matches (every word in label, description or detail); for tests. */
export function matches(p: LossPick, query: string): boolean {
  const hay = `${p.label} ${p.description} ${p.detail}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

export interface FrameworkPick {
  label: string;
  description: string;
  detail: string;
  framework: SnippetFramework;
}

export function frameworkPicks(entry: LossEntry, lang: Language): FrameworkPick[] {
  return snippetFrameworks(entry).map((fw) => ({
    label: FRAMEWORK_LABELS[fw][lang],
    description: `loss-${entry.id}-${fw}`,
    detail: entry.snippets[fw]!.split('\n')[0].replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}/g, '$1'),
    framework: fw,
  }));
}
