// ESLint for the whole tree (`npm run lint`, part of `npm test`). Besides the TypeScript and React
// hooks rules, it states the layers of the house (README, ARCHITECTURE) as import boundaries, so a
// layer crossed is a lint error naming the rule. Cycles, type-only imports included, are checked by
// tests/lint/cycles.mjs (import-x's no-cycle skips type imports). The file is a dotfile because the
// top level of the repository is fixed; `npm run lint` passes it with -c.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'util', 'crypto', 'stream', 'worker_threads', 'zlib'];

/** A zone of import-x/no-restricted-paths: files in `target` may not import from `from`. */
const zone = (target, from, message, except = []) => ({ target, from, message, except });

/** `no-restricted-imports` for packages a layer must not use (type-only imports allowed where `types`). */
const packages = (groups) => ['error', { patterns: groups.map(([group, message, allowTypeImports = false]) => ({ group, message, allowTypeImports })) }];
const NO_NODE = [[[...NODE_BUILTINS, 'electron', 'electron/*', 'better-sqlite3'], 'shared/ and the renderer run without Node and without Electron (they reach the main process through the contract).']];
const NO_ELECTRON = [['electron', 'electron/*'], 'Only electron/main and electron/preload may import electron: services, db, harness and kpw run in plain Node.'];
const NO_SQLITE = [['better-sqlite3'], 'Every database is opened through electron/db/open-database.ts (it loads the Electron build of better-sqlite3 in development).', true];

/** SQL written outside electron/db: a prepare/exec of a literal, or a literal that reads as a statement. */
const SQL = String.raw`/\b(SELECT\s+[\w*]+.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b/`;
const SQL_MESSAGE = 'All SQL lives in electron/db: add a query function there.';
const noSql = ['error',
  { selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]', message: SQL_MESSAGE },
  { selector: `Literal[value=${SQL}]`, message: SQL_MESSAGE },
  { selector: `TemplateElement[value.raw=${SQL}]`, message: SQL_MESSAGE },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', '.electron-native/**', 'tests/bench/out/**', 'test-results/**', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `_name` marks a parameter kept for its position; tsc's noUnusedLocals covers the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./shared', ['./electron', './renderer', './tests'], 'shared/ imports nothing of ours but shared/.'),
            zone('./electron/db', ['./electron/services', './electron/main', './electron/cli', './electron/harness', './electron/preload', './electron/web', './renderer', './tests'], 'electron/db imports shared/ only (and itself).'),
            zone('./electron/services', ['./electron/main', './electron/cli', './electron/harness', './electron/preload', './renderer', './tests'], 'Services import electron/db and shared/, never a transport or the renderer.'),
            zone('./renderer/src', ['./electron', './tests'], 'The renderer imports shared/ and its own src only; it reaches the main process through the contract.'),
            // Transports reach the services through the one door, dispatch in handlers.ts.
            zone(['./electron/main', './electron/harness', './electron/cli'], './electron/services', 'Transports (IPC, harness, kpw) reach services only through electron/services/handlers (dispatch).', ['./handlers.ts', './context.ts', './session.ts']),
          ],
        },
      ],
    },
  },
  { files: ['renderer/src/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': packages(NO_NODE) } },
  { files: ['shared/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': packages([...NO_NODE, [['react', 'react-*', 'react/*', 'ag-grid-*', '@ag-grid-community/*'], 'shared/ is plain TypeScript: no React or grid (the chart options are plain data for ECharts).']]) } },
  { files: ['electron/services/**/*.{ts,tsx}', 'electron/harness/**/*.{ts,tsx}', 'electron/cli/**/*.{ts,tsx}', 'electron/web/**/*.{ts,tsx}', 'electron/db/**/*.{ts,tsx}'], ignores: ['electron/db/open-database.ts'], rules: { '@typescript-eslint/no-restricted-imports': packages([NO_ELECTRON, NO_SQLITE]) } },
  { files: ['electron/main/**/*.{ts,tsx}', 'electron/preload/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-restricted-imports': packages([NO_SQLITE]) } },
  { files: ['electron/services/**/*.{ts,tsx}', 'electron/harness/**/*.{ts,tsx}', 'electron/cli/**/*.{ts,tsx}', 'renderer/src/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}'], rules: { 'no-restricted-syntax': noSql } },
);
