/**
 * Imported first by the playground's page and by its compute worker. The webview's policy
 * (src/extension/playground/html.ts) has no 'wasm-unsafe-eval', so compiling the core's SIMD loops
 * throws a CompileError in the page and in its blob worker alike (checked in Chromium with the same
 * policy), after which the core would fall back anyway: this side of the playground uses the
 * core's JavaScript loops from the start instead of trying.
 */
import { setSimdEnabled } from '../losses';

setSimdEnabled(false);
