/**
 * The language of catalog text in the editor: the `lossAtlas.language` setting
 * (auto / en / zh-cn), `auto` following VS Code's display language.
 */
import * as vscode from 'vscode';
import type { Language } from '../../losses';

export function languageFrom(setting: string | undefined, displayLanguage: string): Language {
  if (setting === 'en') return 'en';
  if (setting === 'zh-cn' || setting === 'zh') return 'zh';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function displayLanguage(): Language {
  return languageFrom(vscode.workspace.getConfiguration('lossAtlas').get<string>('language', 'auto'), vscode.env.language);
}
