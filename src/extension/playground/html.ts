/**
 * The playground's HTML and Content Security Policy. Pure (no `vscode`) so the
 * unit tests can check the policy the panel really serves.
 */

export interface HtmlParts {
  /** `webview.cspSource`: the origin the webview may load our own files from. */
  cspSource: string;
  /** A fresh random nonce (base64/hex, at least 128 bits) per page load. */
  nonce: string;
  /** `dist/webview.js` as a webview URI. */
  scriptUri: string;
  /** Stylesheets from dist/ and media/ as webview URIs, in order. */
  styleUris: readonly string[];
  language: 'en' | 'zh';
}

/**
 * `default-src 'none'`; scripts only by nonce (our bundle); styles and fonts only
 * from our own files (Lit's components use adoptedStyleSheets, KaTeX and uPlot set
 * styles through the CSSOM, so no 'unsafe-inline'); the compute worker is created
 * from a blob of our own bundled code; no connect-src: the page makes no requests.
 */
export function buildCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    // data: only for images: vscode-textarea's resize grip is a data: PNG in its stylesheet
    `img-src ${cspSource} data:`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildHtml(p: HtmlParts): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(p.nonce)) throw new Error('nonce: expected at least 16 base64 characters');
  const links = p.styleUris.map((u) => `  <link rel="stylesheet" href="${attr(u)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${p.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(buildCsp(p.cspSource, p.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
  <title>Loss Atlas Playground</title>
</head>
<body>
  <div id="app" role="application" aria-busy="true"><p class="la-loading">Loss Atlas…</p></div>
  <script nonce="${p.nonce}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}
