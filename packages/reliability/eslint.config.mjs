// Lints this package with the workspace flat config.
export { default } from '../../eslint.config.mjs';
