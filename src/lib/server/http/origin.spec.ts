import { describe, expect, it } from 'vitest';
import { derivedOrigin, directHost, originConfigured, originNotice, publicOrigin } from './origin';

describe('derivedOrigin', () => {
	it('is http://localhost:<port> when listening everywhere, on localhost or by default', () => {
		expect(derivedOrigin({})).toBe('http://localhost:3000');
		for (const HOST of ['0.0.0.0', '::', 'localhost', 'LOCALHOST', '']) expect(derivedOrigin({ HOST, PORT: '4173' }), HOST).toBe('http://localhost:4173');
	});

	it('names the host otherwise, IPv6 in brackets, and drops port 80 as browsers do', () => {
		expect(derivedOrigin({ HOST: '127.0.0.1', PORT: '3001' })).toBe('http://127.0.0.1:3001');
		expect(derivedOrigin({ HOST: '192.168.1.20' })).toBe('http://192.168.1.20:3000');
		expect(derivedOrigin({ HOST: '::1', PORT: '3000' })).toBe('http://[::1]:3000');
		expect(derivedOrigin({ HOST: 'carto.local', PORT: '8080' })).toBe('http://carto.local:8080');
		expect(derivedOrigin({ PORT: '80' })).toBe('http://localhost');
	});
});

describe('publicOrigin', () => {
	it('prefers ORIGIN, normalised to an origin', () => {
		expect(publicOrigin({ ORIGIN: 'https://carto.exemple.fr/', PORT: '3000' })).toEqual({ origin: 'https://carto.exemple.fr', derived: false });
		expect(publicOrigin({ PORT: '3005' })).toEqual({ origin: 'http://localhost:3005', derived: true });
	});

	it('refuses an ORIGIN that is not an http(s) origin, in French', () => {
		for (const ORIGIN of ['carto.exemple.fr', 'ftp://carto.exemple.fr'])
			expect(() => publicOrigin({ ORIGIN }), ORIGIN).toThrow(/ORIGIN invalide .*https:\/\/carto\.exemple\.fr/);
	});
});

describe('originConfigured and the start-up line', () => {
	it('treats ORIGIN or the proxy headers as configured, nothing else', () => {
		expect(originConfigured({})).toBe(false);
		expect(originConfigured({ PORT: '3000', HOST: '0.0.0.0', ADDRESS_HEADER: 'x-forwarded-for' })).toBe(false);
		expect(originConfigured({ ORIGIN: 'https://carto.exemple.fr' })).toBe(true);
		expect(originConfigured({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' })).toBe(true);
	});

	it('says which origin is assumed and what to set behind an HTTPS proxy', () => {
		const line = originNotice({ PORT: '3000' });
		expect(line).toContain('http://localhost:3000');
		expect(line).toContain('ORIGIN=https://');
		expect(line).not.toContain('\n');
		expect(originNotice({ ORIGIN: 'https://carto.exemple.fr' })).toBe('Origine publique (ORIGIN) : https://carto.exemple.fr.');
	});
});

describe('directHost', () => {
	it('keeps localhost and IP literals, with their port', () => {
		expect(directHost('localhost:3000')).toBe('localhost:3000');
		expect(directHost('LocalHost')).toBe('localhost');
		expect(directHost('127.0.0.1:3000')).toBe('127.0.0.1:3000');
		expect(directHost('192.168.1.20:3000')).toBe('192.168.1.20:3000');
		expect(directHost('[::1]:3000')).toBe('[::1]:3000');
		expect(directHost('[fe80::1]')).toBe('[fe80::1]');
	});

	it('refuses DNS names (rebinding), malformed hosts and impossible ports', () => {
		for (const host of [
			undefined,
			'',
			'evil.example:3000',
			'localhost.evil.example',
			'localhost.',
			'127.1:3000',
			'999.1.1.1',
			'::1',
			'[::1',
			'[zz::1]:80',
			'127.0.0.1:99999',
			'localhost:3000/x',
			'localhost :3000',
			'local host',
			'127.0.0.1:3000@evil.example'
		]) {
			expect(directHost(host), String(host)).toBeNull();
		}
	});
});
