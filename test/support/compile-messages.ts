// Vitest global setup: compiles messages/{en,sv}.json into src/paraglide once per run (`npm run i18n`). The Vite
// plugin does this for builds and the dev server; inside Vitest its watcher, and the compiler's own handles, would
// keep the process from exiting, so the compiler runs in a child process.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'i18n'], { stdio: 'inherit' });
}
