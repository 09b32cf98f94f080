/**
 * The language of catalog text in the editor: the `lossAtlas.language` setting
 * (auto / en / zh-cn), `auto` following VS Code's display language.
 */
import * as vscode from 'vscode';
import type { Language } from '../../losses';
import { languageFrom } from './language.pure';

export { languageFrom };

export function displayLanguage(): Language {
  return languageFrom(vscode.workspace.getConfiguration('lossAtlas').get<string>('language', 'auto'), vscode.env.language);
}
