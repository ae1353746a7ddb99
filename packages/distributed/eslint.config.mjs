// Lints this package with the workspace's flat config.
export { default } from '../../eslint.config.mjs';
