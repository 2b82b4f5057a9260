import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFeed, windows1252Feed } from '../../../../tests/support/calendar-feeds';
import { startFakeCalendarServer, type FakeCalendarServer } from '../../../../tests/support/fake-calendar-server';
import { CALENDAR_USER_AGENT, calendarUrl, fetchCalendar, guardedLookup, RefusedAddressError, type FetchResult } from './calendar-fetch';
import { readCalendar } from './ics-events';

const TEST = { allowPrivateAddresses: true } as const;

function okText(result: FetchResult): string {
	if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result.text;
}

describe('fetchCalendar against a fake calendar server', () => {
	let server: FakeCalendarServer;
	beforeAll(async () => {
		server = await startFakeCalendarServer();
	});
	afterAll(() => server.close());

	it('downloads a feed, then gets a 304 with its ETag', async () => {
		server.setFeed('/etag.ics', googleFeed(1), { etag: '"v1-4f2a"' });
		const first = await fetchCalendar(server.url('/etag.ics'), {}, TEST);
		expect(first).toMatchObject({ status: 'ok', etag: '"v1-4f2a"', lastModified: null, finalUrl: server.url('/etag.ics') });
		expect(readCalendar(okText(first)).events).toHaveLength(5);

		const second = await fetchCalendar(server.url('/etag.ics'), { etag: '"v1-4f2a"' }, TEST);
		expect(second).toEqual({ status: 'not-modified' });
		const sent = server.requests.filter((r) => r.path === '/etag.ics');
		expect(sent[0]?.headers['if-none-match']).toBeUndefined();
		expect(sent[1]?.headers['if-none-match']).toBe('"v1-4f2a"');
		expect(sent[1]?.headers['user-agent']).toBe(CALENDAR_USER_AGENT);

		server.setFeed('/etag.ics', googleFeed(2), { etag: '"v2-9c1d"' });
		const third = await fetchCalendar(server.url('/etag.ics'), { etag: '"v1-4f2a"' }, TEST);
		expect(third).toMatchObject({ status: 'ok', etag: '"v2-9c1d"' });
	});

	it('sends If-Modified-Since with the Last-Modified it was given', async () => {
		const lastModified = 'Tue, 01 Dec 2026 10:15:00 GMT';
		server.setFeed('/dated.ics', googleFeed(1), { lastModified });
		const first = await fetchCalendar(server.url('/dated.ics'), {}, TEST);
		expect(first).toMatchObject({ status: 'ok', etag: null, lastModified });
		expect(await fetchCalendar(server.url('/dated.ics'), { lastModified }, TEST)).toEqual({ status: 'not-modified' });
		expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(lastModified);
	});

	it('gives up after the timeout on a slow server', async () => {
		server.setFeed('/slow.ics', googleFeed(1), { delayMs: 2000 });
		const started = Date.now();
		const result = await fetchCalendar(server.url('/slow.ics'), {}, { ...TEST, timeoutMs: 200 });
		expect(result).toMatchObject({ status: 'error', code: 'timeout' });
		expect(Date.now() - started).toBeLessThan(1500);
	});

	it('refuses a body larger than the limit, announced or not', async () => {
		const big = Buffer.alloc(300_000, 'A');
		server.setFeed('/big.ics', big);
		expect(await fetchCalendar(server.url('/big.ics'), {}, { ...TEST, maxBytes: 100_000 })).toMatchObject({ status: 'error', code: 'too-large' });
		server.setFeed('/chunked.ics', big, { chunked: true });
		expect(await fetchCalendar(server.url('/chunked.ics'), {}, { ...TEST, maxBytes: 100_000 })).toMatchObject({ status: 'error', code: 'too-large' });
	});

	it('stops reading an endless body as soon as it passes the limit', async () => {
		server.setFeed('/endless.ics', Buffer.alloc(64 * 1024, 'B'), { endless: true });
		const started = Date.now();
		expect(await fetchCalendar(server.url('/endless.ics'), {}, { ...TEST, maxBytes: 1024 * 1024 })).toMatchObject({ status: 'error', code: 'too-large' });
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it('reads a gzip-compressed feed', async () => {
		server.setFeed('/gzip.ics', googleFeed(1), { gzip: true });
		const result = await fetchCalendar(server.url('/gzip.ics'), {}, TEST);
		expect(readCalendar(okText(result)).events).toHaveLength(5);
		expect(server.requests.at(-1)?.headers['accept-encoding']).toMatch(/gzip/);
	});

	it('follows redirects, up to the limit', async () => {
		server.setFeed('/final.ics', googleFeed(1));
		server.setRedirect('/r1', '/r2', 301);
		server.setRedirect('/r2', server.url('/final.ics'), 307);
		expect(await fetchCalendar(server.url('/r1'), {}, TEST)).toMatchObject({ status: 'ok', finalUrl: server.url('/final.ics') });
		server.setRedirect('/loop', '/loop');
		expect(await fetchCalendar(server.url('/loop'), {}, { ...TEST, maxRedirects: 2 })).toMatchObject({ status: 'error', code: 'too-many-redirects' });
		expect(server.requests.filter((r) => r.path === '/loop')).toHaveLength(3);
	});

	it('checks a redirect’s target again', async () => {
		const onlyTheFakeServer = { allowPrivateAddresses: (address: string) => address === '127.0.0.1' };
		server.setFeed('/allowed.ics', googleFeed(1));
		expect(await fetchCalendar(server.url('/allowed.ics'), {}, onlyTheFakeServer)).toMatchObject({ status: 'ok' });
		server.setRedirect('/to-other-loopback', `http://127.0.0.2:${server.port}/allowed.ics`);
		expect(await fetchCalendar(server.url('/to-other-loopback'), {}, onlyTheFakeServer)).toMatchObject({ status: 'error', code: 'private-address' });
		server.setRedirect('/to-metadata', 'http://169.254.169.254/latest/meta-data/');
		expect(await fetchCalendar(server.url('/to-metadata'), {}, onlyTheFakeServer)).toMatchObject({ status: 'error', code: 'private-address' });
		server.setRedirect('/to-file', 'file:///etc/passwd');
		expect(await fetchCalendar(server.url('/to-file'), {}, onlyTheFakeServer)).toMatchObject({ status: 'error', code: 'bad-url' });
	});

	it('refuses the fake server itself by default, by address and by name', async () => {
		server.setFeed('/private.ics', googleFeed(1));
		const before = server.requests.length;
		expect(await fetchCalendar(server.url('/private.ics'))).toMatchObject({ status: 'error', code: 'private-address' });
		// « localhost » goes through the guarded DNS lookup: the refusal happens before any connection.
		expect(await fetchCalendar(`http://localhost:${server.port}/private.ics`)).toMatchObject({ status: 'error', code: 'private-address' });
		expect(server.requests.length).toBe(before);
	});

	it('reports HTTP errors and pages that are not calendars', async () => {
		expect(await fetchCalendar(server.url('/missing.ics'), {}, TEST)).toMatchObject({
			status: 'error',
			code: 'http-status',
			detail: 'Le serveur a répondu 404 Not Found.'
		});
		server.setFeed('/login', '<!doctype html><title>Connexion</title>', { contentType: 'text/html; charset=utf-8' });
		expect(await fetchCalendar(server.url('/login'), {}, TEST)).toMatchObject({ status: 'error', code: 'not-calendar' });
	});

	it('decodes a windows-1252 export', async () => {
		server.setFeed('/mairie.ics', iconv.encode(windows1252Feed(), 'win1252'), { contentType: 'text/calendar' });
		const { events } = readCalendar(okText(await fetchCalendar(server.url('/mairie.ics'), {}, TEST)));
		expect(events[0]).toMatchObject({
			title: '« Café créateurs »',
			description: 'Entrée : 5 € – café offert',
			location: 'Salle des fêtes',
			startsAt: '2027-03-18T18:00:00'
		});
	});

	it('restores a UTF-8 character folded in two', async () => {
		const line = Buffer.from('SUMMARY:Rencontre des créateurs', 'utf8');
		const cut = line.indexOf(0xa9); // second byte of « é »
		const folded = Buffer.concat([line.subarray(0, cut), Buffer.from('\r\n '), line.subarray(cut)]);
		const body = Buffer.concat([
			Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cut\r\nDTSTART:20270520T070000Z\r\n'),
			folded,
			Buffer.from('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')
		]);
		server.setFeed('/cut.ics', body);
		expect(readCalendar(okText(await fetchCalendar(server.url('/cut.ics'), {}, TEST))).events[0]?.title).toBe('Rencontre des créateurs');
	});

	it('maps webcal:// to https', async () => {
		// The fake server speaks plain http: reaching it over https fails, which shows the scheme was changed.
		const before = server.requests.length;
		const result = await fetchCalendar(`webcal://127.0.0.1:${server.port}/etag.ics`, {}, TEST);
		expect(result).toMatchObject({ status: 'error', code: 'network' });
		expect(server.requests.length).toBe(before);
		expect(calendarUrl('webcal://Example.org/agenda/public.ics?k=1')).toEqual(new URL('https://example.org/agenda/public.ics?k=1'));
		expect(calendarUrl('webcals://example.org/a.ics')).toEqual(new URL('https://example.org/a.ics'));
		expect(calendarUrl('  http://example.org/a.ics ')).toEqual(new URL('http://example.org/a.ics'));
	});
});

describe('fetchCalendar: addresses refused before any request', () => {
	it.each([
		['http://127.0.0.1/agenda.ics'],
		['http://10.0.0.1/agenda.ics'],
		['http://192.168.1.20/agenda.ics'],
		['http://[::1]/agenda.ics'],
		['http://[::ffff:127.0.0.1]/agenda.ics'],
		['http://[fd12:3456::1]/agenda.ics'],
		['http://2130706433/agenda.ics'],
		['webcal://169.254.169.254/latest/meta-data/']
	])('%s', async (url) => {
		expect(await fetchCalendar(url, {}, { timeoutMs: 1000 })).toMatchObject({ status: 'error', code: 'private-address' });
	});

	it.each([['ftp://example.org/agenda.ics'], ['file:///etc/passwd'], ['javascript:alert(1)'], ['pas une adresse'], ['']])(
		'refuses %s as a bad address',
		async (url) => {
			expect(await fetchCalendar(url)).toMatchObject({ status: 'error', code: 'bad-url' });
		}
	);
});

describe('guardedLookup', () => {
	const resolve = (allowed: (address: string) => boolean, all: boolean) =>
		new Promise<{ error: Error | null; address: unknown }>((done) =>
			guardedLookup(allowed)('localhost', { all }, (error, address) => done({ error, address }))
		);

	it('refuses a name that resolves only to private addresses, in both callback forms', async () => {
		for (const all of [false, true]) {
			const { error } = await resolve(() => false, all);
			expect(error).toBeInstanceOf(RefusedAddressError);
			expect(error?.message).toMatch(/^localhost mène à une adresse privée \(.*127\.0\.0\.1/);
		}
	});

	it('returns only the allowed addresses', async () => {
		expect(await resolve((a) => a === '127.0.0.1', false)).toEqual({ error: null, address: '127.0.0.1' });
		expect(await resolve((a) => a === '127.0.0.1', true)).toEqual({ error: null, address: [{ address: '127.0.0.1', family: 4 }] });
	});
});
