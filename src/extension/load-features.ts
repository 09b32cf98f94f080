/**
 * Loads ./features.ts on first use. Node build: a separate bundle, `dist/features.js`
 * (scripts/build.mjs marks this `require` external), read only when a feature is
 * first used. Web build: bundled into the same file, where esbuild defers running
 * the module's code until this `require` (the web extension host cannot load a
 * second file).
 */
import type * as FeaturesModule from './features';

export function loadFeatures(): typeof FeaturesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is the point
  return require('./features') as typeof FeaturesModule;
}
