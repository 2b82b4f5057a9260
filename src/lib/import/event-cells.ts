import { ruleParts } from '$lib/domain/recurrence-rule';
import type { EntityKind, EventAttendance } from '$lib/domain/vocabulary';
import type { ImportField } from './fields';
import type { ImportProblem } from './problems';
import { normaliseHeader, parseDateTime } from './values';

/*
 * An event's agenda cells (issue 19): its repeat (an RFC 5545 rule, as our export and calendar tools write it),
 * the dates it skips, its price, whether it is free, on site or online. Like the practical cells, an odd value is
 * left out with a warning that names it: a hand-typed « tous les jeudis » never blocks the whole file.
 */

export type EventField = 'recurrence' | 'recurrenceExceptions' | 'price' | 'free' | 'attendance';

export interface EventCells {
	recurrence: string | null;
	recurrenceExceptions: string[];
	price: string | null;
	free: boolean | null;
	attendance: EventAttendance | null;
}

const LEFT_OUT: Record<EventField, string> = {
	recurrence: 'répétition ignorée',
	recurrenceExceptions: 'dates sautées ignorées',
	price: 'tarif ignoré',
	free: '« gratuit » ignoré',
	attendance: '« sur place ou en ligne » ignoré'
};

const FREE_WORDS = new Set(['oui', 'o', 'yes', 'vrai', 'true', '1', 'x', 'gratuit', 'gratuite', 'libre', 'entree_libre']);
const PAID_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0', 'payant', 'payante']);
/** Normalised words (normaliseHeader: lower case, no accents, `_` between words) to the stored code. */
const ATTENDANCE_WORDS: Record<string, EventAttendance> = {
	on_site: 'on_site',
	sur_place: 'on_site',
	presentiel: 'on_site',
	en_presentiel: 'on_site',
	online: 'online',
	en_ligne: 'online',
	distanciel: 'online',
	a_distance: 'online',
	visio: 'online',
	en_visio: 'online',
	en_visioconference: 'online',
	webinaire: 'online',
	hybrid: 'hybrid',
	hybride: 'hybrid',
	sur_place_et_en_ligne: 'hybrid',
	en_ligne_et_sur_place: 'hybrid'
};

type Warn = (field: ImportField, code: ImportProblem['code'], message: string) => void;

export function readEventCells(kind: EntityKind | null, cell: (field: EventField) => string, warn: Warn): EventCells {
	const allowed = (field: EventField): string | null => {
		const value = cell(field);
		if (!value) return null;
		if (kind && kind !== 'event') {
			warn(field, 'invalid', `${LEFT_OUT[field]} : champ réservé aux événements`);
			return null;
		}
		return value;
	};

	let recurrence =
		allowed('recurrence')
			?.replace(/^RRULE:/i, '')
			.trim() ?? null;
	if (recurrence && ruleParts(recurrence) === null) {
		warn('recurrence', 'invalid', `répétition illisible « ${recurrence} » (une règle RRULE, ex. FREQ=MONTHLY;BYDAY=1TH), ignorée`);
		recurrence = null;
	}

	const recurrenceExceptions: string[] = [];
	const skipped = allowed('recurrenceExceptions');
	for (const part of skipped ? skipped.split(/[|,;]|\s+(?=\d)/) : []) {
		const text = part.trim();
		if (!text) continue;
		const day = parseDateTime(text)?.slice(0, 10);
		if (day) recurrenceExceptions.push(day);
		else warn('recurrenceExceptions', 'invalid', `date sautée illisible « ${text} » (ex. 07/01/2027), ignorée`);
	}

	const priceText = allowed('price');
	const price = priceText ? priceText.slice(0, 200) : null;

	let free: boolean | null = null;
	const freeText = allowed('free');
	if (freeText) {
		const word = normaliseHeader(freeText);
		if (FREE_WORDS.has(word)) free = true;
		else if (PAID_WORDS.has(word)) free = false;
		else warn('free', 'invalid', `gratuit : « oui » ou « non » attendu, pas « ${freeText} » ; ignoré`);
	}

	let attendance: EventAttendance | null = null;
	const attendanceText = allowed('attendance');
	if (attendanceText) {
		attendance = ATTENDANCE_WORDS[normaliseHeader(attendanceText)] ?? null;
		if (!attendance) warn('attendance', 'invalid', `« ${attendanceText} » : « sur place », « en ligne » ou « hybride » attendu ; ignoré`);
	}

	return { recurrence, recurrenceExceptions: [...new Set(recurrenceExceptions)].sort(), price, free, attendance };
}
