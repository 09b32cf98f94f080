/** The language choice without `vscode`: the setting (auto / en / zh-cn) over the display language. */
import type { Language } from '../../losses';

export function languageFrom(setting: string | undefined, displayLanguage: string): Language {
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn' || setting === 'zh') return 'zh';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
