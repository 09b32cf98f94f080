// The integration run is split into sessions, each a fresh extension host
// (a new code-server, user-data-dir and copy of the demo workspace), so that
// activation can be checked from a clean start for each trigger. Tests whose
// full title contains a session's tag run only in that session; all other
// tests run in the main session. Used by driver.mjs and desktop.mjs.
export const FRESH_NOTEBOOK_TAG = '[fresh host: notebook]';

export const SESSIONS = [
  { name: 'fresh host, notebook first', grep: FRESH_NOTEBOOK_TAG, invert: false },
  { name: 'main', grep: FRESH_NOTEBOOK_TAG, invert: true },
];
