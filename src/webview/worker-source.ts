/**
 * The compute worker's bundled source. `scripts/build.mjs` replaces this module
 * with the worker bundle as a string; unbundled (tests, tsx) it is undefined and
 * the playground computes on the page.
 */
export const WORKER_SOURCE: string | undefined = undefined;
