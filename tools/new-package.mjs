// Writes the skeleton of one workspace package (package.json, tsconfigs, vitest config),
// so every package has the same shape: ESM only, exports map, tsc build into dist/.
// Usage: node tools/new-package.mjs <name> <layer-tag> [dep ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, layer, ...deps] = process.argv.slice(2);
if (!name || !layer) {
  console.error('usage: node tools/new-package.mjs <name> <layer-tag> [dep ...]');
  process.exit(2);
}
const root = join('packages', name);
mkdirSync(join(root, 'src'), { recursive: true });
mkdirSync(join(root, 'test'), { recursive: true });
const write = (file, content) => {
  const path = join(root, file);
  if (existsSync(path)) return;
  writeFileSync(
    path,
    typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n',
  );
};
write('package.json', {
  name: `@concur/${name}`,
  version: '0.1.0',
  license: 'MIT',
  type: 'module',
  main: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    './package.json': './package.json',
    '.': {
      '@concur/source': './src/index.ts',
      types: './dist/index.d.ts',
      import: './dist/index.js',
      default: './dist/index.js',
    },
  },
  files: ['dist', '!**/*.tsbuildinfo'],
  engines: { node: '>=20.19.0' },
  dependencies: Object.fromEntries([
    ...deps.map((d) => [`@concur/${d}`, '*']),
    ['tslib', '^2.8.1'],
  ]),
  nx: { name, tags: [`layer:${layer}`] },
});
write('tsconfig.json', {
  extends: '../../tsconfig.base.json',
  files: [],
  include: [],
  references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
});
write('tsconfig.lib.json', {
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    rootDir: 'src',
    outDir: 'dist',
    tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo',
    emitDeclarationOnly: false,
    forceConsistentCasingInFileNames: true,
    types: ['node'],
  },
  include: ['src/**/*.ts'],
  references: [],
  exclude: ['vitest.config.mts', 'src/**/*.spec.ts', 'src/**/*.test.ts'],
});
write('tsconfig.spec.json', {
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    outDir: './out-tsc/vitest',
    types: ['vitest/globals', 'vitest/importMeta', 'node', 'vitest'],
    forceConsistentCasingInFileNames: true,
  },
  include: ['vitest.config.mts', 'test/**/*.ts', 'test/**/*.mts'],
  references: [{ path: './tsconfig.lib.json' }],
});
write(
  'vitest.config.mts',
  `import { defineConfig } from 'vitest/config';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/packages/${name}',
  test: {
    name: '${name}',
    watch: false,
    globals: false,
    environment: 'node',
    include: ['test/**/*.test.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: { reportsDirectory: './test-output/vitest/coverage', provider: 'v8' as const },
  },
}));
`,
);
console.log(`wrote ${root}`);
