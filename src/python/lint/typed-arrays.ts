/** Growing the lint's typed arrays (name index, symbol table, symbol marks). Pure: no `vscode`. */

/** A copy of `a` `n` long, the new part filled with `fill`. */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(a: T, n: number, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}
