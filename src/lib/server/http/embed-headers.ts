/**
 * Only the /embed/… views may be framed, and only by the site itself and the configured partner origins;
 * every other response keeps `x-frame-options: DENY` and `frame-ancestors 'none'`.
 */
export function isEmbedPath(pathname: string): boolean {
	return pathname === '/embed' || pathname.startsWith('/embed/');
}

/** Opens framing on an embed response; `ancestors` come from embedAncestors(), read once at start-up. */
export function allowFraming(response: Response, ancestors: string[]): void {
	const frameAncestors = ["'self'", ...ancestors].join(' ');
	const csp = response.headers.get('content-security-policy');
	const value = csp
		? /frame-ancestors [^;]*/.test(csp)
			? csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${frameAncestors}`)
			: `${csp}; frame-ancestors ${frameAncestors}`
		: `frame-ancestors ${frameAncestors}`;
	response.headers.set('content-security-policy', value);
	response.headers.delete('x-frame-options');
}
