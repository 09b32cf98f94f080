/**
 * The messages between the extension host and the playground webview.
 *
 * One discriminated union per direction, and a runtime validator for each:
 * everything that crosses the boundary is `unknown` until `parseHostMessage` /
 * `parseWebviewMessage` accepts it. The validators never throw; a rejected
 * message comes back with the reason so the receiver can log it and go on.
 *
 * Imported by the host (`src/extension/playground`) and by the webview bundle,
 * so it must not import `vscode` or touch the DOM.
 */
import type { Tensor } from '../losses/types';

export type DisplayLanguage = 'en' | 'zh';
export type PlaygroundView = 'playground' | 'reference' | 'guide';
export type SnippetFramework = 'torch' | 'tf' | 'jax' | 'scratch';
export type ParamValue = number | boolean | string | null;

/** What the host asks the webview to show (from `OpenPlaygroundArgs`, validated). */
export interface Prefill {
  lossId?: string;
  params?: Record<string, ParamValue>;
  inputs?: Record<string, Tensor>;
  /** A section of the reference to scroll to (the lint's "Explain LAxxx" opens the pitfalls). */
  section?: 'pitfalls';
}

/** Host -> webview. */
export type HostMessage =
  | { type: 'init'; language: DisplayLanguage; view: PlaygroundView; prefill?: Prefill }
  | { type: 'prefill'; view: PlaygroundView; prefill: Prefill }
  | { type: 'inserted'; ok: boolean; detail: string }
  | { type: 'copied'; ok: boolean }
  | { type: 'requestState'; id: number };

/** Webview -> host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'insertCode'; code: string; lossId: string; framework: SnippetFramework; params: Record<string, ParamValue> }
  | { type: 'copy'; text: string }
  | { type: 'openExternal'; url: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'rejected'; reason: string }
  | { type: 'state'; id: number; state: unknown; summary: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Limits: a message past them is rejected rather than processed. */
export const LIMITS = {
  text: 200_000,
  id: 200,
  tensorElements: 1_000_000,
  tensorDepth: 4,
  entries: 64,
} as const;

const VIEWS: readonly PlaygroundView[] = ['playground', 'reference', 'guide'];
const FRAMEWORKS: readonly SnippetFramework[] = ['torch', 'tf', 'jax', 'scratch'];
const LEVELS = ['info', 'warn', 'error'] as const;

class Reject extends Error {}

function fail(msg: string): never {
  throw new Reject(msg);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return x.length > 40 ? `a string of length ${x.length}` : `the string ${JSON.stringify(x)}`;
  if (typeof x === 'number' || typeof x === 'boolean') return `${typeof x} ${String(x)}`;
  return typeof x;
}

/** Only own enumerable string keys, and never keys that would touch the prototype. */
function keysOf(rec: Record<string, unknown>, where: string): string[] {
  const keys = Object.keys(rec);
  if (keys.length > LIMITS.entries) fail(`${where}: too many keys (${keys.length})`);
  for (const k of keys) if (k === '__proto__' || k === 'constructor' || k === 'prototype') fail(`${where}: forbidden key ${k}`);
  return keys;
}

function str(rec: Record<string, unknown>, key: string, max: number = LIMITS.text): string {
  const v = rec[key];
  if (typeof v !== 'string') fail(`${key}: expected a string, found ${describe(v)}`);
  if (v.length > max) fail(`${key}: string longer than ${max}`);
  return v;
}

function bool(rec: Record<string, unknown>, key: string): boolean {
  const v = rec[key];
  if (typeof v !== 'boolean') fail(`${key}: expected true or false, found ${describe(v)}`);
  return v;
}

function int(rec: Record<string, unknown>, key: string): number {
  const v = rec[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(`${key}: expected an integer, found ${describe(v)}`);
  return v;
}

function oneOf<T extends string>(rec: Record<string, unknown>, key: string, options: readonly T[]): T {
  const v = rec[key];
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    fail(`${key}: expected one of ${options.join(', ')}, found ${describe(v)}`);
  }
  return v as T;
}

function paramValues(x: unknown, where: string): Record<string, ParamValue> {
  if (!isRecord(x)) fail(`${where}: expected an object, found ${describe(x)}`);
  const out: Record<string, ParamValue> = {};
  for (const k of keysOf(x, where)) {
    const v = x[k];
    if (v === null || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v))) out[k] = v;
    else if (typeof v === 'string' && v.length <= LIMITS.id) out[k] = v;
    else fail(`${where}.${k}: expected a number, boolean, string or null, found ${describe(v)}`);
  }
  return out;
}

/** A nested array of numbers (or a number), rectangular or not: the core reports raggedness itself. */
function tensor(x: unknown, where: string): Tensor {
  let count = 0;
  const walk = (v: unknown, depth: number): Tensor => {
    if (typeof v === 'number') {
      if (++count > LIMITS.tensorElements) fail(`${where}: more than ${LIMITS.tensorElements} numbers`);
      return v;
    }
    if (!Array.isArray(v)) fail(`${where}: expected numbers or nested arrays of numbers, found ${describe(v)}`);
    if (depth >= LIMITS.tensorDepth) fail(`${where}: nested deeper than ${LIMITS.tensorDepth} levels`);
    const out: Tensor[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = walk(v[i], depth + 1);
    return out;
  };
  return walk(x, 0);
}

export function parsePrefill(x: unknown): Prefill {
  if (x === undefined || x === null) return {};
  if (!isRecord(x)) fail(`prefill: expected an object, found ${describe(x)}`);
  const out: Prefill = {};
  for (const k of keysOf(x, 'prefill')) {
    if (k !== 'lossId' && k !== 'params' && k !== 'inputs' && k !== 'section') fail(`prefill: unknown field ${k}`);
  }
  if (x.section !== undefined) out.section = oneOf(x, 'section', ['pitfalls'] as const);
  if (x.lossId !== undefined) out.lossId = str(x, 'lossId', LIMITS.id);
  if (x.params !== undefined) out.params = paramValues(x.params, 'params');
  if (x.inputs !== undefined) {
    if (!isRecord(x.inputs)) fail(`inputs: expected an object, found ${describe(x.inputs)}`);
    const inputs: Record<string, Tensor> = {};
    for (const k of keysOf(x.inputs, 'inputs')) inputs[k] = tensor(x.inputs[k], `inputs.${k}`);
    out.inputs = inputs;
  }
  return out;
}

function only(rec: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of keysOf(rec, String(rec.type))) {
    if (k !== 'type' && !allowed.includes(k)) fail(`${String(rec.type)}: unexpected field ${k}`);
  }
}

function guard<T>(x: unknown, body: (rec: Record<string, unknown>, type: string) => T): Parsed<T> {
  try {
    if (!isRecord(x)) return { ok: false, error: `message: expected an object, found ${describe(x)}` };
    const type = x.type;
    if (typeof type !== 'string') return { ok: false, error: `message: missing string field "type", found ${describe(type)}` };
    return { ok: true, value: body(x, type) };
  } catch (e) {
    // Reject is ours; anything else (a getter that throws, a revoked proxy) is also a malformed message.
    return { ok: false, error: e instanceof Reject ? e.message : `message: unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Validates a message that arrived in the webview from the host. Never throws. */
export function parseHostMessage(x: unknown): Parsed<HostMessage> {
  return guard<HostMessage>(x, (m, type) => {
    switch (type) {
      case 'init': {
        only(m, ['language', 'view', 'prefill']);
        const msg: HostMessage = { type, language: oneOf(m, 'language', ['en', 'zh'] as const), view: oneOf(m, 'view', VIEWS) };
        if (m.prefill !== undefined) msg.prefill = parsePrefill(m.prefill);
        return msg;
      }
      case 'prefill':
        only(m, ['view', 'prefill']);
        return { type, view: oneOf(m, 'view', VIEWS), prefill: parsePrefill(m.prefill) };
      case 'inserted':
        only(m, ['ok', 'detail']);
        return { type, ok: bool(m, 'ok'), detail: str(m, 'detail', 2000) };
      case 'copied':
        only(m, ['ok']);
        return { type, ok: bool(m, 'ok') };
      case 'requestState':
        only(m, ['id']);
        return { type, id: int(m, 'id') };
      default:
        return fail(`message: unknown type ${describe(type)}`);
    }
  });
}

/** Validates a message that arrived in the host from the webview. Never throws. */
export function parseWebviewMessage(x: unknown): Parsed<WebviewMessage> {
  return guard<WebviewMessage>(x, (m, type) => {
    switch (type) {
      case 'ready':
        only(m, []);
        return { type };
      case 'insertCode':
        only(m, ['code', 'lossId', 'framework', 'params']);
        return {
          type,
          code: str(m, 'code'),
          lossId: str(m, 'lossId', LIMITS.id),
          framework: oneOf(m, 'framework', FRAMEWORKS),
          params: paramValues(m.params, 'params'),
        };
      case 'copy':
        only(m, ['text']);
        return { type, text: str(m, 'text') };
      case 'openExternal': {
        only(m, ['url']);
        const url = str(m, 'url', 2000);
        if (!/^https:\/\/[^\s]+$/.test(url)) fail(`url: only https links are opened, found ${describe(url)}`);
        return { type, url };
      }
      case 'log':
        only(m, ['level', 'message']);
        return { type, level: oneOf(m, 'level', LEVELS), message: str(m, 'message', 10_000) };
      case 'rejected':
        only(m, ['reason']);
        return { type, reason: str(m, 'reason', 10_000) };
      case 'state':
        only(m, ['id', 'state', 'summary']);
        return { type, id: int(m, 'id'), state: m.state, summary: str(m, 'summary') };
      default:
        return fail(`message: unknown type ${describe(type)}`);
    }
  });
}
