/** The CSP is offline by default; an online basemap adds exactly its own hosts to connect-src and img-src. */
export function widenCsp(csp: string, hosts: string[]): string {
	if (hosts.length === 0) return csp;
	const extra = hosts.join(' ');
	return csp.replace(/connect-src ([^;]*)/, `connect-src $1 ${extra}`).replace(/img-src ([^;]*)/, `img-src $1 ${extra}`);
}
