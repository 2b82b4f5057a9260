import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** SHA-256 of a file, streamed (an upload or a database copy may be large). */
export async function fileSha256(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** Every regular file under `root`, as paths relative to `base` written with forward slashes, sorted. */
export function filesUnder(root: string, base: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) out.push(relative(base, path).split(sep).join('/'));
		}
	};
	if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
	return out.sort();
}
