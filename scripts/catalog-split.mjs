// The catalog's text is shipped apart from the bundles that run in the extension host
// (dist/extension.js, dist/web/extension.js) and the playground's compute worker: they
// carry the catalog's structure inline and read `dist/catalog-text.json` on first need
// (src/losses/catalog-text.ts explains the split; scripts/gen-assets.mjs writes the JSON).
import { join } from 'node:path';

/**
 * An esbuild plugin that swaps the source catalog (`src/losses/catalog`, structure and
 * text together) for a module that rebuilds it from `structure` alone, with lazy text.
 * `root`: the repository root; `packed`: `packStructure(splitCatalog(...).structure)`.
 */
export function slimCatalogPlugin(root, packed) {
  const catalogDir = join(root, 'src/losses/catalog');
  // JSON.parse of a string literal is faster for V8 to load than the same data as an object literal;
  // single quotes, as JSON is full of double ones.
  const json = `'${JSON.stringify(packed).replace(/[\\'\u2028\u2029]/g, (c) => (c === "'" ? "\\'" : c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16)}`))}'`;
  return {
    name: 'slim-catalog',
    setup(build) {
      build.onResolve({ filter: /^\.\/catalog$/ }, (args) => {
        if (join(args.resolveDir, args.path) !== catalogDir) return undefined;
        return { path: catalogDir, namespace: 'slim-catalog' };
      });
      build.onLoad({ filter: /.*/, namespace: 'slim-catalog' }, () => ({
        contents: [
          `import { lazyCatalog, unpackStructure } from './catalog-text';`,
          `const catalog = lazyCatalog(unpackStructure(JSON.parse(${json})));`,
          `export const CATALOG = catalog.entries;`,
          `export const CONCEPTS = catalog.concepts;`,
        ].join('\n'),
        resolveDir: join(root, 'src/losses'),
        loader: 'js',
      }));
    },
  };
}
