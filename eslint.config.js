// ESLint (flat config): the layering rules of STYLE.md §1, the Electron and HTML-sink rules of
// docs/SECURITY.md, and type-only imports. test/layering/ holds one violation per rule and checks
// that each is rejected, so a rule that silently stops matching fails a test.
import sdl from '@microsoft/eslint-plugin-sdl';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const LAYERS = 'STYLE.md §1: imports point down, electron shell → api → library';

/** Syntax no file may use. Each entry names what to do instead. */
const BANNED = {
  innerHtml: [
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'No dangerouslySetInnerHTML: articles are blocks rendered as elements, snippets are segments (docs/SECURITY.md).',
    },
    {
      selector: "Property[key.name='dangerouslySetInnerHTML']",
      message: 'No dangerouslySetInnerHTML: articles are blocks rendered as elements, snippets are segments (docs/SECURITY.md).',
    },
    {
      selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
      message: 'No innerHTML/outerHTML: build elements (React children or textContent).',
    },
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML: build elements instead.' },
    { selector: "CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.name='document']", message: 'No document.write.' },
    {
      selector: "CallExpression[callee.property.name='createContextualFragment']",
      message: 'No createContextualFragment: it parses HTML.',
    },
  ],
  webPreferences: [
    {
      selector:
        'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|allowRunningInsecureContent|experimentalFeatures|webviewTag)$/][value.value=true]',
      message: 'This webPreference must stay false (docs/SECURITY.md, checklist #2, #8, #9, #11).',
    },
    {
      selector: 'Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/][value.value=false]',
      message: 'This webPreference must stay true (docs/SECURITY.md, checklist #3, #4, #6).',
    },
    { selector: "Property[key.name='enableBlinkFeatures']", message: 'No enableBlinkFeatures (checklist #10).' },
  ],
  webPreferencesLiteral: [
    {
      selector: "Property[key.name='webPreferences']",
      message: 'Windows are built only by windowOptions() in main/electron/windowOptions.ts, so every window gets the tested preferences.',
    },
  ],
  openExternal: [
    {
      selector: "MemberExpression[object.name='shell'][property.name='openExternal']",
      message: 'shell.openExternal only in main/electron/index.ts, behind isOpenableUrl and the renderer’s confirmation (checklist #15).',
    },
  ],
};

const syntax = (...groups) => ['error', ...groups.flatMap((g) => BANNED[g])];
const ALL_SYNTAX = ['innerHtml', 'webPreferences', 'webPreferencesLiteral', 'openExternal'];
const except = (...skip) => syntax(...ALL_SYNTAX.filter((g) => !skip.includes(g)));

/** Import restrictions: one rule per file group (options do not merge across config objects). */
const restrictedImports = (options) => ['error', options];
const noElectron = { name: 'electron', message: `Only main/electron/ may import electron (${LAYERS}).` };
const noElectronSubpaths = { group: ['electron/*'], message: `Only main/electron/ may import electron (${LAYERS}).` };

/** The renderer may take values from common/'s pure modules, and only types from the schemas (zod) and the contract. */
const rendererCommon = [
  {
    regex: '(^|/)common/schemas(\\.ts)?$',
    allowTypeImports: true,
    message: 'renderer/ may only `import type` from common/schemas.ts: zod stays out of the renderer bundle.',
  },
  {
    regex: '(^|/)common/contract(\\.ts)?$',
    allowTypeImports: true,
    message: 'renderer/ may only `import type` from common/contract.ts; only the transport (bridge.ts) needs its name lists.',
  },
];

/** What every file in main/library may not import, plus the sub-layer rule of its folder. */
function libraryImports(...extra) {
  return restrictedImports({
    paths: [noElectron],
    patterns: [
      noElectronSubpaths,
      {
        regex: '(^|/)(api|serve|electron)/',
        message: `main/library/ is the bottom layer: it may not import main/api, main/serve or main/electron (${LAYERS}).`,
      },
      { regex: '(^|/)(renderer|preload)(/|$)', message: `main/ may not import the renderer or the preload (${LAYERS}).` },
      ...extra,
    ],
  });
}

const upward = (regex, layer, allowed) => ({
  regex,
  message: `main/library/${layer} may import ${allowed}: that import points up or sideways (README, Architecture).`,
});

const SQL_OUTSIDE_DB = [
  {
    selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
    message: 'SQL lives in main/library/db/ only: add a function there and call it (STYLE.md §3).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'native/**',
      'node_modules/**',
      'content/**',
      'bench/tmp/**',
      'test-results/**',
      '.cache/**',
      'test/layering/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...sdl.configs.common,
  ...sdl.configs.electron,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` read by a callback before its one assignment (serve's `running`) cannot be a const: the
      // callback may run while the const would still be in its temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // sdl's defaults, plus the loopback address serve mode listens on (plain HTTP on 127.0.0.1 is by design).
      '@microsoft/sdl/no-insecure-url': [
        'error',
        {
          exceptions: [
            String.raw`^http:(\/\/|\\u002f\\u002f)schemas\.microsoft\.com(\/\/|\\u002f\\u002f)?.*`,
            String.raw`^http:(\/\/|\\u002f\\u002f)schemas\.openxmlformats\.org(\/\/|\\u002f\\u002f)?.*`,
            String.raw`^http:(\/|\\u002f){2}localhost(:|\/|\\u002f)*`,
            String.raw`^http:(\/\/)www\.w3\.org\/1999\/xhtml`,
            String.raw`^http:(\/\/)www\.w3\.org\/2000\/svg`,
            String.raw`^http:\/\/127\.0\.0\.1(:|\/|$)`,
          ],
        },
      ],
      'no-restricted-syntax': syntax(...ALL_SYNTAX),
    },
  },
  {
    // Tests name insecure and hostile URLs on purpose, to check they are refused.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: { '@microsoft/sdl/no-insecure-url': 'off' },
  },
  {
    // Lint rules test themselves with the very syntax they ban.
    files: ['eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks. The plugin's React Compiler diagnostics are left out: the app does not use the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [{ ...noElectron, message: 'The renderer never imports electron; it talks to main through renderer/src/api.ts.' }],
        patterns: [
          { regex: '(^|/)main(/|$)', message: `renderer/ may not import from main/ (${LAYERS}); go through renderer/src/api.ts.` },
          { regex: '(^|/)preload(/|$)', message: 'renderer/ never imports the preload; what crosses the bridge is in common/.' },
          ...rendererCommon,
        ],
      }),
    },
  },
  {
    // The serve-mode transport builds its functions from the contract's name lists, as the preload does:
    // the one renderer file that needs the contract's values (requestNames, eventNames), not only its types.
    files: ['renderer/src/bridge.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [{ ...noElectron, message: 'The renderer never imports electron.' }],
        patterns: [
          { regex: '(^|/)main(/|$)', message: `renderer/ may not import from main/ (${LAYERS}).` },
          { regex: '(^|/)preload(/|$)', message: 'renderer/ never imports the preload; what crosses the bridge is in common/.' },
          rendererCommon[0],
        ],
      }),
    },
  },
  {
    files: ['preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [
          {
            name: 'electron',
            // webUtils: only for getPathForFile, the paths of dropped or picked files (main checks each again).
            allowImportNames: ['contextBridge', 'ipcRenderer', 'IpcRendererEvent', 'webUtils'],
            message: 'The preload uses only contextBridge, ipcRenderer and webUtils (for file paths); expose nothing else.',
          },
        ],
        patterns: [
          {
            regex: '^(?!electron$|\\.\\./common/contract(\\.ts)?$)',
            message:
              'A sandboxed preload can require only electron (and events, timers, url); it imports electron and ../common/contract.ts only.',
          },
        ],
      }),
    },
  },
  {
    files: ['main/library/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-restricted-imports': libraryImports() },
  },
  // Inside main/library the layers are, bottom up: text/ (pure text helpers) and model.ts (the import
  // model), then db/ (all SQL) and import/ (files → documents), then query/ (over db/), then the modules
  // at the top of main/library that combine them. Each may import only what is below it.
  {
    files: ['main/library/text/**/*.ts'],
    // Tests are integration tests: they may build a library through sync and search.
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': libraryImports(upward('^\\.\\./(?!\\.\\./)', 'text/', 'only text/ and common/')) },
  },
  {
    files: ['main/library/db/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': libraryImports(
        upward('^\\.\\./(?!\\.\\./|text/|model\\.ts$)', 'db/', 'db/, text/, model.ts and common/'),
      ),
    },
  },
  {
    files: ['main/library/db/migrations/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': libraryImports(upward('^\\.\\./\\.\\./(?!\\.\\./)', 'db/migrations/', 'db/ only')),
    },
  },
  {
    files: ['main/library/db/migrations/*/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': libraryImports(upward('^\\.\\./\\.\\./\\.\\./(?!\\.\\./)', 'db/migrations/', 'db/ only')),
    },
  },
  {
    files: ['main/library/import/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': libraryImports(
        upward('^\\.\\./(?!\\.\\./|text/|model\\.ts$)', 'import/', 'import/, text/, model.ts and common/'),
      ),
    },
  },
  {
    files: ['main/library/query/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': libraryImports(
        upward('^\\.\\./(?!\\.\\./|text/|db/|model\\.ts$)', 'query/', 'query/, db/, text/, model.ts and common/'),
      ),
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [noElectron],
        patterns: [
          {
            regex: '^(?!zod$|\\./|node:test$|vitest$|fast-check$)',
            message: 'common/ is what every process shares: it imports only itself and zod (tests also vitest and fast-check).',
          },
        ],
      }),
    },
  },
  {
    // All SQL lives in main/library/db/ (STYLE.md §3). Tests may inspect a database directly; the
    // benchmark's bare-SQLite baselines are raw SQL on purpose.
    files: ['main/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    ignores: ['main/library/db/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': [...syntax(...ALL_SYNTAX), ...SQL_OUTSIDE_DB] },
  },
  {
    files: ['main/electron/windowOptions.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': [...except('webPreferencesLiteral'), ...SQL_OUTSIDE_DB] },
  },
  {
    files: ['main/electron/index.ts'],
    rules: { 'no-restricted-syntax': [...except('openExternal'), ...SQL_OUTSIDE_DB] },
  },
  {
    files: ['main/api/**/*.ts', 'main/serve/**/*.ts', 'main/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [noElectron],
        patterns: [
          noElectronSubpaths,
          {
            regex: '(^|/)electron/',
            message: `Only main/electron/ wires Electron; main/api and main/serve may not import it (${LAYERS}).`,
          },
          { regex: '(^|/)(renderer|preload/index)', message: `main/ may not import the renderer or the preload (${LAYERS}).` },
        ],
      }),
    },
  },
  {
    // The shell's decisions are plain modules: they may use Electron's types, never its objects.
    files: ['main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [
          {
            name: 'electron',
            allowTypeImports: true,
            message:
              'Only the wiring files (index.ts, ipc.ts, protocol.ts) import Electron values; put the decision in a plain module with a test.',
          },
        ],
        patterns: [{ regex: '(^|/)renderer/', message: `main/ may not import the renderer (${LAYERS}).` }],
      }),
    },
  },
  {
    files: ['main/electron/index.ts', 'main/electron/protocol.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [
          { name: 'electron', importNames: ['ipcMain'], message: 'Raw ipcMain only in main/electron/ipc.ts, which checks every sender.' },
        ],
        patterns: [{ regex: '(^|/)renderer/', message: `main/ may not import the renderer (${LAYERS}).` }],
      }),
    },
  },
  {
    files: ['main/electron/ipc.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        patterns: [{ regex: '(^|/)renderer/', message: `main/ may not import the renderer (${LAYERS}).` }],
      }),
    },
  },
  {
    // Tests of the shell run under plain Node: they must not import electron at all.
    files: ['main/electron/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        paths: [
          {
            name: 'electron',
            message: 'main/electron tests run without Electron: test the plain module, pass stand-ins for Electron objects.',
          },
        ],
      }),
    },
  },
  {
    // Only ipc.ts may name ipcMain at all, even through a namespace or require.
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['main/electron/ipc.ts', 'eslint.config.js', 'test/layering/**'],
    rules: {
      'no-restricted-properties': ['error', { property: 'ipcMain', message: 'Raw ipcMain only in main/electron/ipc.ts.' }],
    },
  },
);
