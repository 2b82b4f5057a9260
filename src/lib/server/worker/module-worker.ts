import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread on the module at `moduleUrl` (its `import.meta.url`): in the build, the chunk the bundler put it
 * in; from the TypeScript source (tests, `vite dev`), through tsx's loader registered in the thread first. So a
 * worker needs no build step of its own.
 */
export function moduleWorker(moduleUrl: string, workerData: unknown): Worker {
	if (!moduleUrl.endsWith('.ts')) return new Worker(fileURLToPath(moduleUrl), { workerData });
	return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); });`, { eval: true, workerData });
}
