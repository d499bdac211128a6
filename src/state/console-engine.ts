// The engine as the console's built-ins see it: the same engine, except that removing a file goes through the
// session (which also forgets stored outputs of that name), so `rm`, the file list and a reload agree.
import type { ToolEngine } from '../core/tools/engine';

export function withRemoveFile(engine: ToolEngine, removeFile: (name: string) => Promise<void>): ToolEngine {
  return {
    programs: () => engine.programs(),
    concurrency: engine.concurrency,
    mount: (files) => engine.mount(files),
    unmount: (names) => engine.unmount(names),
    listFiles: () => engine.listFiles(),
    readFile: (name) => engine.readFile(name),
    removeFile,
    run: (spec, onEvent) => engine.run(spec, onEvent),
    dispose: () => engine.dispose(),
  };
}
