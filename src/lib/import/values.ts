import { compactSiret, isValidSiret } from '$lib/domain/siret';
import { foldAccents } from '$lib/domain/fold';

/**
 * Cell readers for the importer. Each returns null rather than a half-guess, so the importer can
 * tell the user which cell it could not read.
 */

// Regular, no-break and narrow no-break spaces: what French number formats put between thousands.
const SPACES = /[ \u00a0\u202f]/g;

export function parseDecimal(raw: string): number | null {
	let s = raw.trim();
	if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(s)) s = s.replace(SPACES, '');
	// One decimal separator and nothing else: '1.234,5' is ambiguous and better refused.
	if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return null;
	const value = Number(s.replace(',', '.'));
	return Number.isFinite(value) ? value : null;
}

export function parseYear(raw: string): number | null {
	const s = raw.trim();
	if (/^\d{4}$/.test(s)) return Number(s);
	const dateTime = parseDateTime(s);
	return dateTime === null ? null : Number(dateTime.slice(0, 4));
}

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(?:à\s+)?(.+))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/;
// 18:30, 18:30:00, 18h30, 18h; fractions of a second are dropped. No time zone: times are local.
const TIME = /^(\d{1,2})(?:[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?|h)$/;

/** A local date-time as 'YYYY-MM-DDTHH:MM:SS' (midnight without a time), or null. */
export function parseDateTime(raw: string): string | null {
	const s = raw.trim();
	let year: string, month: string, day: string, time: string | undefined;
	const french = FRENCH_DATE.exec(s);
	const iso = french ? null : ISO_DATE.exec(s);
	if (french) [, day = '', month = '', year = '', time] = french;
	else if (iso) [, year = '', month = '', day = '', time] = iso;
	else return null;

	let hours = 0;
	let minutes = 0;
	let seconds = 0;
	if (time !== undefined) {
		const t = TIME.exec(time.trim());
		if (!t) return null;
		hours = Number(t[1]);
		minutes = Number(t[2] ?? 0);
		seconds = Number(t[3] ?? 0);
	}
	const y = Number(year);
	const m = Number(month);
	const d = Number(day);
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
	if (hours > 23 || minutes > 59 || seconds > 59) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(m)}-${pad(d)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function daysInMonth(year: number, month: number): number {
	// Day 0 of the next month is the last day of this one; UTC avoids any time-zone shift.
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function splitList(raw: string): string[] {
	return raw
		.split(/[,;/|\r\n]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

export function normaliseHeader(raw: string): string {
	return foldAccents(raw)
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** A comparison key for names: « L’Atelier » and « atelier » are the same structure. */
export function normaliseName(raw: string): string {
	const spaced = foldAccents(raw)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	// After punctuation became spaces, « l’ » is « l ». Only strip an article that leaves a name.
	return spaced.replace(/^(?:les|le|la|l) (?=\S)/, '');
}

export function normaliseWebsite(raw: string): { url: string; repaired: boolean } | null {
	const s = raw.trim();
	if (s === '' || /\s/.test(s)) return null;
	let candidate = s;
	let repaired = false;
	if (!/^https?:\/\//i.test(s)) {
		// 'mailto:', 'ftp://', 'javascript:' are refused; 'host:8080' is a host with a port, not a scheme.
		if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s)) return null;
		candidate = `https://${s.replace(/^\/\//, '')}`;
		repaired = true;
	}
	let url: URL;
	try {
		url = new URL(candidate);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
	return { url: candidate, repaired };
}

/** Host without 'www.' plus path without trailing slash: http/https and case make no difference. */
export function websiteKey(url: string): string {
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`;
	try {
		const parsed = new URL(withScheme);
		const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
		return host + parsed.pathname.replace(/\/+$/, '');
	} catch {
		return url.trim().toLowerCase();
	}
}

export function normaliseSiret(raw: string): { siret: string; valid: boolean } | null {
	const siret = compactSiret(raw);
	if (siret === '') return null;
	return { siret, valid: isValidSiret(siret) };
}

/**
 * Spreadsheets store INSEE codes as numbers, so '03185' comes back as '3185', '3185.0' or '3 185'.
 * A repair is only accepted when it lands on a known code.
 */
export function repairInsee(raw: string, known: (code: string) => boolean): { code: string; repaired: boolean } | null {
	const trimmed = raw.trim();
	let code = trimmed.replace(SPACES, '').replace(/\.0+$/, '').toUpperCase();
	if (/^\d{4}$/.test(code)) code = `0${code}`;
	if (!/^(\d{5}|2[AB]\d{3})$/.test(code) || !known(code)) return null;
	return { code, repaired: code !== trimmed };
}
