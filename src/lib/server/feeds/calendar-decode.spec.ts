import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeCalendarBytes, unfoldBytes } from './calendar-decode';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeCalendarBytes', () => {
	it('reads UTF-8 and drops a byte order mark', () => {
		expect(decodeCalendarBytes(bytes('\uFEFFSUMMARY:Café créateurs'))).toBe('SUMMARY:Café créateurs');
	});

	it('falls back on windows-1252 for bytes that are not UTF-8 (€ included, which latin-1 lacks)', () => {
		expect(decodeCalendarBytes(iconv.encode('SUMMARY:« Café créateurs » – 5 €', 'win1252'))).toBe('SUMMARY:« Café créateurs » – 5 €');
	});

	it('prefers a declared non-UTF-8 charset when the bytes are not UTF-8', () => {
		expect(decodeCalendarBytes(iconv.encode('SUMMARY:Żubr', 'iso-8859-2'), 'iso-8859-2')).toBe('SUMMARY:Żubr');
		expect(decodeCalendarBytes(iconv.encode('SUMMARY:Café', 'win1252'), 'utf-8')).toBe('SUMMARY:Café');
		expect(decodeCalendarBytes(iconv.encode('SUMMARY:Café', 'win1252'), 'x-unknown')).toBe('SUMMARY:Café');
		expect(decodeCalendarBytes(iconv.encode('SUMMARY:Café – 5 €', 'win1252'), 'iso-8859-1')).toBe('SUMMARY:Café – 5 €');
	});

	it('reads UTF-16 with its byte order mark', () => {
		expect(decodeCalendarBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BEGIN:VCALENDAR\r\n créé', 'utf16le')]))).toBe(
			'BEGIN:VCALENDAR\r\n créé'
		);
	});
});

describe('unfoldBytes', () => {
	it('joins CRLF and LF folds followed by a space or a tab, and nothing else', () => {
		const text = new TextDecoder().decode(unfoldBytes(bytes('A:un\r\n deux\n\ttrois\r\nB:quatre\r\n')));
		expect(text).toBe('A:undeuxtrois\r\nB:quatre\r\n');
	});
});

describe('charsetOf', () => {
	it.each([
		['text/calendar; charset=utf-8', 'utf-8'],
		['text/calendar;charset="windows-1252"', 'windows-1252'],
		['text/calendar', null],
		[undefined, null]
	])('%s → %s', (header, charset) => {
		expect(charsetOf(header)).toBe(charset);
	});
});
