/**
 * Base64 and random nonces without Node's Buffer or crypto module, so that the
 * same code runs in the Node extension host and in the web (worker) host.
 */

/** Standard base64 of bytes (btoa over a binary string, in chunks). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** Base64 of UTF-8 text. */
export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

/** `n` cryptographically random bytes as base64 (Web Crypto: Node ≥ 19 and browsers). */
export function randomBase64(n: number): string {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytesToBase64(bytes);
}
