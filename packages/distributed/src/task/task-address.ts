// The wire form of a task across machines: a package specifier or a path the worker
// resolves against its own root, plus the export to call. Never a file:// URL of the client.

/**
 * Where a worker finds a task.
 * - `{ module: '@acme/jobs' }`: a package specifier (subpaths allowed) resolved from the
 *   worker's root through `node_modules` and the package's `exports`.
 * - `{ module: './jobs/resize.mjs' }`: a path relative to the worker's root.
 * - `{ package: '@acme/jobs', module: './dist/resize.js' }`: a file inside an installed
 *   package, found from the worker's root (how tasks from `defineTask` travel).
 */
export interface TaskAddress {
  readonly package?: string;
  readonly module: string;
  readonly exportName: string;
}

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** Tells whether `name` looks like an npm package name (with optional scope). */
export function isPackageName(name: string): boolean {
  return PACKAGE_NAME.test(name);
}

/** Splits a bare specifier into package name and subpath (`'.'` or `'./sub'`). */
export function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, size).join('/');
  const rest = parts.slice(size).join('/');
  return { name, subpath: rest === '' ? '.' : `./${rest}` };
}

/** A readable name for messages: `@acme/jobs#resize`, `@acme/jobs/dist/resize.js#resize`. */
export function formatTaskAddress(address: TaskAddress): string {
  const module =
    address.package === undefined
      ? address.module
      : `${address.package}/${address.module.replace(/^\.\//, '')}`;
  return `${module}#${address.exportName}`;
}

/**
 * Checks an address read from a job (it came over the network).
 * @throws TypeError naming the field that is wrong.
 */
export function validateTaskAddress(value: unknown): TaskAddress {
  const address = value as Partial<TaskAddress> | null;
  if (typeof address !== 'object' || address === null) {
    throw new TypeError('The job carries no task address.');
  }
  if (typeof address.module !== 'string' || address.module === '') {
    throw new TypeError("The job's task address has no `module`.");
  }
  if (typeof address.exportName !== 'string' || address.exportName === '') {
    throw new TypeError("The job's task address has no `exportName`.");
  }
  if (address.package !== undefined && typeof address.package !== 'string') {
    throw new TypeError("The job's task address has a `package` that is not a string.");
  }
  return address as TaskAddress;
}
