// The integration run is split into sessions, each a fresh extension host
// (a new code-server, user-data-dir and copy of the demo workspace), so that
// activation can be checked from a clean start for each trigger. Tests whose
// full title contains a session's tag run only in that session; all other
// tests run in the main session. Used by driver.mjs and desktop.mjs.
// A session with `trust: false` starts code-server without `--disable-workspace-trust`, so the
// workspace opens in restricted mode (see driver.mjs).
export const FRESH_NOTEBOOK_TAG = '[fresh host: notebook]';
export const RESTRICTED_TAG = '[fresh host: restricted mode]';
/** The common prefix of the tags: the main session runs every test without one. */
const FRESH_HOST_PREFIX = '[fresh host:';

export const SESSIONS = [
  { name: 'fresh host, notebook first', grep: FRESH_NOTEBOOK_TAG, invert: false },
  { name: 'restricted mode (untrusted workspace)', grep: RESTRICTED_TAG, invert: false, trust: false },
  { name: 'main', grep: FRESH_HOST_PREFIX, invert: true },
];
