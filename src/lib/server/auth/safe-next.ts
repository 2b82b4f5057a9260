/**
 * Where to go after signing in: only a path on this site. `//evil.example` and `/\evil.example` are
 * protocol-relative URLs to browsers, so they are refused like absolute ones (no open redirect).
 */
export function safeNext(next: string | null, fallback = '/espace'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	if (/[\u0000-\u001f\\]/.test(next)) return fallback;
	return next;
}
