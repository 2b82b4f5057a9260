import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { moduleWorker } from '../worker/module-worker';
import { UnreadableFileError } from '../services/errors';
import { readImportFile, type ImportSource, type ReadOptions } from './read-file';
import { yieldToRequests } from '../worker/thread-priority';

/*
 * Reading a file is one synchronous step (decoding, CSV or workbook parsing): 0.35–0.45 s for 10,000 rows,
 * during which the server would answer nobody (issue 18). A large file is read in a thread of its own; a
 * small one, where starting a thread would cost more than reading, on the spot.
 */

/** Above this size (about 3,000 spreadsheet rows, some 100 ms of parsing) the file is read off the server's thread. */
export const OFF_THREAD_BYTES = 512 * 1024;

const ROLE = 'connecteur-carto:read-import-file';

interface Request {
	role: typeof ROLE;
	bytes: Uint8Array;
	options: ReadOptions;
}

type Answer = { ok: true; value: ImportSource } | { ok: false; unreadable: string | null; message: string };

/** readImportFile, in a worker thread for a large file: same answer, same French refusal for an unreadable one. */
export function readImportFileOffThread(bytes: Uint8Array, options: ReadOptions = {}, threshold = OFF_THREAD_BYTES): Promise<ImportSource> {
	if (bytes.byteLength < threshold) return Promise.resolve().then(() => readImportFile(bytes, options));
	const request: Request = { role: ROLE, bytes, options };
	const worker = moduleWorker(import.meta.url, request);
	return new Promise((resolve, reject) => {
		worker.once('message', (answer: Answer) => {
			if (answer.ok) resolve(answer.value);
			else reject(answer.unreadable !== null ? new UnreadableFileError(answer.unreadable) : new Error(answer.message));
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`la lecture du fichier s’est arrêtée (code ${code})`)));
	});
}

if (!isMainThread && (workerData as Request | undefined)?.role === ROLE) {
	yieldToRequests();
	const { bytes, options } = workerData as Request;
	let answer: Answer;
	try {
		answer = { ok: true, value: readImportFile(bytes, options) };
	} catch (e) {
		answer = { ok: false, unreadable: e instanceof UnreadableFileError ? e.reason : null, message: (e as Error).message };
	}
	parentPort!.postMessage(answer);
}
