// Electron main entry, bundled to dist/main.mjs (package.json "main").
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './app';

startApp({ argv: process.argv, env: process.env, bundleDir: dirname(fileURLToPath(import.meta.url)) });
