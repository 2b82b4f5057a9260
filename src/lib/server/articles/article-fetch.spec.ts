import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NBSP } from '$lib/domain/french/typography';
import { startFakeCalendarServer, type FakeCalendarServer } from '../../../../tests/support/fake-calendar-server';
import { ARTICLE_USER_AGENT, decodeDocumentBytes, fetchArticleFeed, fetchArticlePage, type ArticleFetchResult } from './article-fetch';
import { readArticleFeed } from './feed-read';
import { readPageMetadata } from './page-metadata';

const TEST = { allowPrivateAddresses: true } as const;
const HTML = 'text/html; charset=utf-8';

function okText(result: ArticleFetchResult): string {
	if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
	return result.text;
}

const page = (title: string, charsetMeta = '<meta charset="utf-8">') =>
	`<!doctype html><html lang="fr"><head>${charsetMeta}<meta property="og:title" content="${title}"></head><body><article><p>${title}</p></article></body></html>`;

describe('fetchArticlePage and fetchArticleFeed against a local server', () => {
	let server: FakeCalendarServer;
	let brotli: Server;
	let brotliUrl = '';
	beforeAll(async () => {
		server = await startFakeCalendarServer();
		brotli = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': HTML, 'content-encoding': 'br' });
			res.end(brotliCompressSync(Buffer.from(page('Compressé en brotli'))));
		});
		await new Promise<void>((done) => brotli.listen(0, '127.0.0.1', done));
		brotliUrl = `http://127.0.0.1:${(brotli.address() as AddressInfo).port}/`;
	});
	afterAll(async () => {
		await server.close();
		await new Promise((done) => brotli.close(done));
	});

	it('downloads a page, follows a redirect and says where it ended', async () => {
		server.setFeed('/article.html', page('Volcabio lève des fonds'), { contentType: HTML });
		server.setRedirect('/court', '/article.html', 301);
		const result = await fetchArticlePage(server.url('/court'), TEST);
		expect(result).toMatchObject({ status: 'ok', finalUrl: server.url('/article.html'), contentType: HTML });
		expect(readPageMetadata(okText(result), server.url('/article.html')).title).toBe('Volcabio lève des fonds');
		expect(server.requests.at(-1)?.headers['user-agent']).toBe(ARTICLE_USER_AGENT);
		expect(server.requests.at(-1)?.headers.accept).toMatch(/^text\/html/);
	});

	it('reads gzip and brotli', async () => {
		server.setFeed('/gzip.html', page('Compressé en gzip'), { contentType: HTML, gzip: true });
		expect(okText(await fetchArticlePage(server.url('/gzip.html'), TEST))).toContain('Compressé en gzip');
		expect(okText(await fetchArticlePage(brotliUrl, TEST))).toContain('Compressé en brotli');
	});

	it('decodes a windows-1252 page, whether its charset is said in the header, in a meta, or nowhere', async () => {
		const title = 'Café des créateurs – 5 € l’entrée';
		server.setFeed('/header.html', iconv.encode(page(title, ''), 'win1252'), { contentType: 'text/html; charset=ISO-8859-1' });
		server.setFeed('/meta.html', iconv.encode(page(title, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'win1252'), {
			contentType: 'text/html'
		});
		server.setFeed('/nothing.html', iconv.encode(page(title, ''), 'win1252'), { contentType: 'text/html' });
		for (const path of ['/header.html', '/meta.html', '/nothing.html']) {
			const text = okText(await fetchArticlePage(server.url(path), TEST));
			expect(readPageMetadata(text, server.url(path)).title).toBe(title);
		}
	});

	it('downloads a feed in the charset its XML declaration says', async () => {
		const rss = `<?xml version="1.0" encoding="ISO-8859-15"?><rss version="2.0"><channel><title>Mairie</title><item><title>Fête de l'été à 5 €</title><link>https://m.example/1</link></item></channel></rss>`;
		server.setFeed('/feed.xml', iconv.encode(rss, 'iso-8859-15'), { contentType: 'application/rss+xml' });
		const result = await fetchArticleFeed(server.url('/feed.xml'), TEST);
		expect(readArticleFeed(okText(result)).items[0]?.title).toBe("Fête de l'été à 5 €");
		expect(server.requests.at(-1)?.headers.accept).toMatch(/^application\/rss\+xml/);
	});

	it('refuses what is not a page, and passes on the fence’s French errors', async () => {
		server.setFeed('/doc.pdf', Buffer.from('%PDF-1.7'), { contentType: 'application/pdf' });
		expect(await fetchArticlePage(server.url('/doc.pdf'), TEST)).toEqual({
			status: 'error',
			code: 'not-html',
			detail: 'Cette adresse ne renvoie pas une page web (application/pdf).'
		});
		expect(await fetchArticlePage(server.url('/absent'), TEST)).toMatchObject({ code: 'http-status', detail: 'Le serveur a répondu 404 Not Found.' });
		server.setFeed('/slow.html', page('Lent'), { contentType: HTML, delayMs: 2000 });
		expect(await fetchArticlePage(server.url('/slow.html'), { ...TEST, timeoutMs: 200 })).toMatchObject({
			code: 'timeout',
			detail: `Pas de réponse complète en 0,2${NBSP}s.`
		});
		server.setFeed('/big.xml', Buffer.alloc(200_000, 'A'), { contentType: 'application/xml', chunked: true });
		expect(await fetchArticleFeed(server.url('/big.xml'), { ...TEST, maxBytes: 100_000 })).toMatchObject({
			code: 'too-large',
			detail: `Fichier de plus de 1${NBSP}Mo.`
		});
		server.setRedirect('/boucle', '/boucle');
		expect(await fetchArticleFeed(server.url('/boucle'), { ...TEST, maxRedirects: 1 })).toMatchObject({
			code: 'too-many-redirects',
			detail: 'Plus de 1 redirections.'
		});
	});

	it('refuses private addresses by default, and other schemes', async () => {
		server.setFeed('/prive.html', page('Privé'), { contentType: HTML });
		expect(await fetchArticlePage(server.url('/prive.html'))).toEqual({
			status: 'error',
			code: 'private-address',
			detail: `Adresse privée refusée${NBSP}: 127.0.0.1.`
		});
		expect(await fetchArticleFeed(`http://localhost:${server.port}/feed.xml`)).toMatchObject({ code: 'private-address' });
		expect(await fetchArticlePage('file:///etc/passwd')).toMatchObject({
			code: 'bad-url',
			detail: `Seules les adresses http et https sont acceptées («${NBSP}file:${NBSP}»).`
		});
		expect(await fetchArticleFeed('webcal://example.org/feed')).toMatchObject({ code: 'bad-url' });
		expect(await fetchArticlePage('pas une adresse')).toMatchObject({ code: 'bad-url', detail: `Adresse illisible${NBSP}: «${NBSP}pas une adresse${NBSP}».` });
	});
});

describe('decodeDocumentBytes', () => {
	it('reads byte order marks, UTF-8 that lies about its charset, and declared single-byte charsets', () => {
		expect(decodeDocumentBytes(Buffer.from('\uFEFFé', 'utf8'), null)).toBe('é');
		expect(decodeDocumentBytes(Buffer.from('\uFEFFé', 'utf16le'), null)).toBe('é');
		expect(decodeDocumentBytes(Buffer.from('Dômes', 'utf8'), 'text/html; charset=iso-8859-1')).toBe('Dômes');
		expect(decodeDocumentBytes(iconv.encode('Dômes – €', 'win1252'), null)).toBe('Dômes – €');
		expect(decodeDocumentBytes(iconv.encode('<meta charset="koi8-r">Привет', 'koi8-r'), null)).toBe('<meta charset="koi8-r">Привет');
	});
});
