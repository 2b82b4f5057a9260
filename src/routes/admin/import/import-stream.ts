import { m } from '$lib/paraglide/messages';

/** One progress line of the import endpoints (see import-request.server.ts). */
export interface StreamProgress {
	phase: 'envoi' | 'lecture' | 'lignes' | 'geocodage' | 'verification' | 'ecriture' | 'termine';
	done: number;
	total: number;
	message: string;
}

type Line = Omit<Partial<StreamProgress>, 'done'> & { done?: number | boolean; jobId?: number; error?: string };

/**
 * Posts to a streamed import endpoint and follows its NDJSON lines. Resolves with the job id of the final
 * `{ done: true }` line; rejects with the message of an `{ error }` line or of a refusal.
 */
export async function followImportStream(url: string, body: FormData | null, onProgress: (p: StreamProgress) => void): Promise<number> {
	const response = await fetch(url, { method: 'POST', body, headers: { accept: 'application/x-ndjson' } });
	if (!response.ok || !response.body) {
		const refusal = (await response.json().catch(() => null)) as { message?: string } | null;
		throw new Error(refusal?.message ?? m.newsroom_import_server_refused({ status: response.status }));
	}
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let pending = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (value) pending += value;
		const lines = pending.split('\n');
		pending = done ? '' : (lines.pop() ?? '');
		for (const text of lines) {
			if (!text.trim()) continue;
			const line = JSON.parse(text) as Line;
			if (line.error) throw new Error(line.error);
			if (line.done === true) return line.jobId ?? 0;
			onProgress(line as StreamProgress);
		}
		if (done) throw new Error(m.newsroom_import_cut());
	}
}
