import { strict as assert } from 'node:assert';
import { buildCsp, buildHtml } from '../../../src/extension/playground/html';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map((p) => [p[0], p.slice(1)]),
  );
}

describe('playground HTML and CSP', () => {
  const parts = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'q1w2e3r4t5y6u7i8o9p0asdf',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/playground.css'],
    language: 'en' as const,
  };

  it('is strict: default-src none, scripts only by nonce, no unsafe-*, no network', () => {
    const d = directives(buildCsp(parts.cspSource, parts.nonce));
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('script-src'), [`'nonce-${parts.nonce}'`]);
    assert.deepEqual(d.get('style-src'), [parts.cspSource]);
    assert.deepEqual(d.get('font-src'), [parts.cspSource]);
    assert.deepEqual(d.get('worker-src'), ['blob:']);
    assert.deepEqual(d.get('img-src'), [parts.cspSource, 'data:']);
    assert.equal(d.has('connect-src'), false, 'no connect-src: the page makes no requests');
    const all = buildCsp(parts.cspSource, parts.nonce);
    assert.doesNotMatch(all, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the policy in a meta tag and the nonce on the only script, with no inline handlers or styles', () => {
    const html = buildHtml(parts);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-q1w2e3r4t5y6u7i8o9p0asdf'/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], new RegExp(`nonce="${parts.nonce}"`));
    assert.match(scripts[0], /src="https:\/\/file\+\.vscode-resource/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /<style|style=/i, 'no inline styles');
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => buildHtml({ ...parts, nonce: 'abc' }), /nonce/);
    assert.throws(() => buildHtml({ ...parts, nonce: "x' 'unsafe-inline" }), /nonce/);
  });

  it('escapes URIs in attributes', () => {
    const html = buildHtml({ ...parts, styleUris: ['https://x/"><script>alert(1)</script>'] });
    assert.doesNotMatch(html, /"><script>alert/);
  });
});
