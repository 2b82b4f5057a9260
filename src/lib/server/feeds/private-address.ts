/**
 * Which IP addresses a partner's calendar address may never make the server call: its own loopback, the local
 * networks behind it, link-local (cloud metadata at 169.254.169.254), and every special-purpose range of the IANA
 * registries. Without this, « poll my calendar » would let anyone make the server read its own intranet.
 */
import { isIPv4, isIPv6 } from 'node:net';

type V4Range = readonly [base: string, bits: number];

const PRIVATE_V4: readonly V4Range[] = [
	['0.0.0.0', 8], // « this network »
	['10.0.0.0', 8],
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8],
	['169.254.0.0', 16], // link-local, cloud metadata
	['172.16.0.0', 12],
	['192.0.0.0', 24], // IETF protocol assignments
	['192.0.2.0', 24], // documentation
	['192.88.99.0', 24], // 6to4 relay anycast
	['192.168.0.0', 16],
	['198.18.0.0', 15], // benchmarking
	['198.51.100.0', 24], // documentation
	['203.0.113.0', 24], // documentation
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4] // reserved, broadcast
];

function v4Number(address: string): number {
	return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function isPrivateV4(address: string): boolean {
	const n = v4Number(address);
	return PRIVATE_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4Number(base) / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail turned into two groups). */
function v6Groups(address: string): number[] {
	let text = address.toLowerCase().replace(/%.*$/, '');
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
	if (dotted) {
		const n = v4Number(dotted[1] as string);
		text = text.slice(0, -(dotted[1] as string).length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
	}
	const [head = '', tail] = text.split('::');
	const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
	const left = part(head);
	const right = tail === undefined ? [] : part(tail);
	return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4FromGroups = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');

function isPrivateV6(address: string): boolean {
	const g = v6Groups(address);
	const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
	const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
	if (zeroTo(8)) return true; // ::
	if (zeroTo(7) && g7 === 1) return true; // ::1
	// Addresses that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d), the deprecated
	// compatible form (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
	if (zeroTo(5) && g5 === 0xffff) return isPrivateV4(v4FromGroups(g6, g7));
	if (zeroTo(6)) return isPrivateV4(v4FromGroups(g6, g7));
	if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateV4(v4FromGroups(g6, g7));
	if (g0 === 0x2002) return isPrivateV4(v4FromGroups(g1, g2));
	if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true; // local-use NAT64
	if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard-only
	if (g0 === 0x2001 && g1 < 0x200) return true; // IETF protocol assignments, Teredo
	if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
	if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
	if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
	if ((g0 & 0xffc0) === 0xfec0) return true; // site-local fec0::/10 (deprecated, still routed in some networks)
	if ((g0 & 0xff00) === 0xff00) return true; // multicast
	return false;
}

/** True for an address the server must not connect to on a partner's behalf (and for anything that is not an IP). */
export function isPrivateAddress(address: string): boolean {
	const bare = address.replace(/^\[|\]$/g, '');
	if (isIPv4(bare)) return isPrivateV4(bare);
	if (isIPv6(bare)) return isPrivateV6(bare);
	return true;
}
