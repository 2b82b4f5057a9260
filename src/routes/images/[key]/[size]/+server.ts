import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { imageFilePath } from '$lib/server/uploads/listing-image';
import type { RequestHandler } from './$types';

/**
 * A listing's image at one width. The key is a content hash, so a URL never changes meaning: browsers and
 * proxies keep it a year. Only a 16-hex-digit key and a width we write name a file; anything else is a 404
 * before the disk is touched.
 */
export const GET = (async ({ params }) => {
	const path = imageFilePath(params.key, Number(params.size));
	if (!path) error(404, 'Image introuvable.');
	let body: Buffer;
	try {
		body = await readFile(path);
	} catch {
		error(404, 'Image introuvable.');
	}
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(body.byteLength),
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff'
		}
	});
}) satisfies RequestHandler;
