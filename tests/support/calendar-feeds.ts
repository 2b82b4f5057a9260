/**
 * Calendar files shaped like those the partners' services publish, for the feed tests. Written from the public
 * « secret address in iCal format » of Google Calendar, an Exchange / Outlook.com published calendar, Nextcloud's
 * subscription link and OpenAgenda's iCal export: same property order, PRODID, X- properties, VTIMEZONE blocks,
 * CRLF line ends and lines folded at 75 octets. Names, places and UIDs are invented.
 */

/** Folds a content line at 75 octets as RFC 5545 generators do (never inside a UTF-8 character). */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const size = Buffer.byteLength(ch, 'utf8');
		if (octets + size > 75) {
			out.push(current);
			current = ' ';
			octets = 1;
		}
		current += ch;
		octets += size;
	}
	out.push(current);
	return out.join('\r\n');
}

/** Lines to a calendar file: folded, CRLF, final CRLF. */
export const icsFile = (lines: string[]) => lines.map(foldLine).join('\r\n') + '\r\n';

const PARIS_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Paris',
	'X-LIC-LOCATION:Europe/Paris',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

interface GoogleEvent {
	start: string;
	end: string;
	uid: string;
	summary: string;
	description?: string;
	location?: string;
	sequence?: number;
	status?: 'CONFIRMED' | 'CANCELLED';
	stamp?: string;
}

function googleEvent(e: GoogleEvent): string[] {
	return [
		'BEGIN:VEVENT',
		e.start,
		e.end,
		`DTSTAMP:${e.stamp ?? '20261201T101500Z'}`,
		`UID:${e.uid}`,
		'CREATED:20261115T090000Z',
		`DESCRIPTION:${e.description ?? ''}`,
		'LAST-MODIFIED:20261120T140000Z',
		`LOCATION:${e.location ?? ''}`,
		`SEQUENCE:${e.sequence ?? 0}`,
		`STATUS:${e.status ?? 'CONFIRMED'}`,
		`SUMMARY:${e.summary}`,
		'TRANSP:OPAQUE',
		'END:VEVENT'
	];
}

export const GOOGLE_UIDS = {
	atelier: '7kq2m1v0c3s9h6r4d8n5b2x1z0@google.com',
	conference: '2f4h6j8k0l1m3n5p7q9r1s3t5v@google.com',
	salon: '0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com',
	apero: '9z8y7x6w5v4u3t2s1r0q9p8o7n@google.com',
	visite: '5e6f7g8h9i0j1k2l3m4n5o6p7q@google.com',
	permanence: '3c4d5e6f7g8h9i0j1k2l3m4n5o@google.com'
};

/**
 * A tiers-lieu's Google Calendar, in two versions a week apart. Google writes one-off events in UTC and uses
 * the calendar's zone (with its VTIMEZONE) for the others. From version 1 to 2: the workshop is only re-saved
 * (new DTSTAMP and SEQUENCE), the conference moves from 18:00 to 18:30, the fair is deleted, the visit is
 * cancelled, the already cancelled apéro stays so, and a legal advice session appears.
 */
export function googleFeed(version: 1 | 2): string {
	const events: GoogleEvent[] = [
		{
			start: 'DTSTART:20270210T133000Z',
			end: 'DTEND:20270210T163000Z',
			uid: GOOGLE_UIDS.atelier,
			summary: 'Atelier impression 3D',
			description: 'Découverte de l’imprimante 3D de la Fabrique\\, sur inscription.\\nPublic : porteurs de projet.',
			location: 'La Fabrique\\, 12 Rue de la République\\, 15000 Aurillac\\, France',
			...(version === 2 ? { stamp: '20261208T101500Z', sequence: 1 } : {})
		},
		{
			start: `DTSTART;TZID=Europe/Paris:20270615T${version === 1 ? '180000' : '183000'}`,
			end: `DTEND;TZID=Europe/Paris:20270615T${version === 1 ? '200000' : '203000'}`,
			uid: GOOGLE_UIDS.conference,
			summary: 'Conférence « Financer son projet »',
			location: 'Médiathèque du Bassin d’Aurillac',
			sequence: version === 1 ? 0 : 1
		},
		{
			start: 'DTSTART;VALUE=DATE:20270923',
			end: 'DTEND;VALUE=DATE:20270926',
			uid: GOOGLE_UIDS.apero,
			summary: 'Apéro réseau',
			status: 'CANCELLED'
		},
		{
			start: 'DTSTART;TZID=Europe/Paris:20270312T100000',
			end: 'DTEND;TZID=Europe/Paris:20270312T113000',
			uid: GOOGLE_UIDS.visite,
			summary: 'Visite de la Fabrique',
			...(version === 2 ? { status: 'CANCELLED' as const, sequence: 2 } : {})
		}
	];
	if (version === 1)
		events.push({
			start: 'DTSTART;VALUE=DATE:20270923',
			end: 'DTEND;VALUE=DATE:20270926',
			uid: GOOGLE_UIDS.salon,
			summary: 'Salon des tiers-lieux',
			location: 'Polydome\\, Clermont-Ferrand'
		});
	else
		events.push({
			start: 'DTSTART:20270301T083000Z',
			end: 'DTEND:20270301T113000Z',
			uid: GOOGLE_UIDS.permanence,
			summary: 'Permanence juridique'
		});
	return icsFile([
		'BEGIN:VCALENDAR',
		'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'X-WR-CALNAME:La Fabrique – tiers-lieu',
		'X-WR-TIMEZONE:Europe/Paris',
		'X-WR-CALDESC:Les rendez-vous publics de la Fabrique',
		...PARIS_VTIMEZONE,
		...events.flatMap(googleEvent),
		'END:VCALENDAR'
	]);
}

/** Exchange's rules for Windows time zones: a 1601 start and yearly rules, no TZNAME. */
function windowsZone(tzid: string, standard: string, daylight: string, rules: { std: string; dst: string }): string[] {
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${tzid}`,
		'BEGIN:STANDARD',
		`DTSTART:16010101T${rules.std.slice(0, 6)}`,
		`TZOFFSETFROM:${daylight}`,
		`TZOFFSETTO:${standard}`,
		`RRULE:FREQ=YEARLY;INTERVAL=1;${rules.std.slice(7)}`,
		'END:STANDARD',
		'BEGIN:DAYLIGHT',
		`DTSTART:16010101T${rules.dst.slice(0, 6)}`,
		`TZOFFSETFROM:${standard}`,
		`TZOFFSETTO:${daylight}`,
		`RRULE:FREQ=YEARLY;INTERVAL=1;${rules.dst.slice(7)}`,
		'END:DAYLIGHT',
		'END:VTIMEZONE'
	];
}

function outlookEvent(fields: {
	uid: string;
	summary: string;
	start: string;
	end: string;
	location?: string;
	allDay?: boolean;
	description?: string;
}): string[] {
	return [
		'BEGIN:VEVENT',
		`DESCRIPTION:${fields.description ?? '\\n'}`,
		`UID:${fields.uid}`,
		`SUMMARY:${fields.summary}`,
		fields.start,
		fields.end,
		'CLASS:PUBLIC',
		'PRIORITY:5',
		'DTSTAMP:20261203T083012Z',
		'TRANSP:OPAQUE',
		'STATUS:CONFIRMED',
		'SEQUENCE:0',
		`LOCATION:${fields.location ?? ''}`,
		'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
		'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
		'X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY',
		`X-MICROSOFT-CDO-ALLDAYEVENT:${fields.allDay ? 'TRUE' : 'FALSE'}`,
		'X-MICROSOFT-CDO-IMPORTANCE:1',
		'X-MICROSOFT-CDO-INSTTYPE:0',
		'X-MICROSOFT-DONOTFORWARDMEETING:FALSE',
		'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
		'END:VEVENT'
	];
}

export const OUTLOOK_UIDS = {
	winter: '040000008200E00074C5B7101A82E00800000000B0C3F1A2E0D4DA01000000000000000010000000C1E2A3B4C5D6E7F8091A2B3C4D5E6F70',
	summer: '040000008200E00074C5B7101A82E00800000000D0E5A1B2C3D4DA01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90',
	allDay: '040000008200E00074C5B7101A82E008000000001022E3F4A5B6DA010000000000000000100000005F6E7D8C9BAA0B1C2D3E4F5061728394',
	webinar: '040000008200E00074C5B7101A82E00800000000F0A1B2C3D4E5DA01000000000000000010000000123456789ABCDEF0123456789ABCDEF0'
};

/**
 * A chamber of commerce's Outlook calendar published from Exchange: Windows zone names with their VTIMEZONE,
 * including a webinar set in « Eastern Standard Time » (New York), which only the VTIMEZONE can place.
 */
export function outlookFeed(): string {
	return icsFile([
		'BEGIN:VCALENDAR',
		'METHOD:PUBLISH',
		'PRODID:Microsoft Exchange Server 2010',
		'VERSION:2.0',
		'X-WR-CALNAME:Agenda CCI Cantal',
		...windowsZone('Romance Standard Time', '+0100', '+0200', { std: '030000;BYDAY=-1SU;BYMONTH=10', dst: '020000;BYDAY=-1SU;BYMONTH=3' }),
		...windowsZone('Eastern Standard Time', '-0500', '-0400', { std: '020000;BYDAY=1SU;BYMONTH=11', dst: '020000;BYDAY=2SU;BYMONTH=3' }),
		...outlookEvent({
			uid: OUTLOOK_UIDS.winter,
			summary: 'Petit-déjeuner des créateurs',
			start: 'DTSTART;TZID=Romance Standard Time:20270112T083000',
			end: 'DTEND;TZID=Romance Standard Time:20270112T100000',
			location: 'CCI du Cantal\\, 44 Boulevard du Pont Rouge\\, Aurillac'
		}),
		...outlookEvent({
			uid: OUTLOOK_UIDS.summer,
			summary: 'Atelier export',
			start: 'DTSTART;TZID=Romance Standard Time:20270615T140000',
			end: 'DTEND;TZID=Romance Standard Time:20270615T170000'
		}),
		...outlookEvent({
			uid: OUTLOOK_UIDS.allDay,
			summary: 'Journée portes ouvertes',
			start: 'DTSTART;VALUE=DATE:20270508',
			end: 'DTEND;VALUE=DATE:20270509',
			allDay: true
		}),
		...outlookEvent({
			uid: OUTLOOK_UIDS.webinar,
			summary: 'Webinaire Business France – Amérique du Nord',
			start: 'DTSTART;TZID=Eastern Standard Time:20270316T090000',
			end: 'DTEND;TZID=Eastern Standard Time:20270316T103000'
		}),
		'END:VCALENDAR'
	]);
}

/** OpenAgenda's export of a region's agenda: everything in UTC, with the event's page as URL. */
export function openAgendaFeed(): string {
	return icsFile([
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//OpenAgenda//OpenAgenda iCal export//FR',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'X-WR-CALNAME:Innovation en Auvergne',
		'BEGIN:VEVENT',
		'UID:openagenda-54712093-1@openagenda.com',
		'DTSTAMP:20261130T231500Z',
		'DTSTART:20270704T080000Z',
		'DTEND:20270704T160000Z',
		'SUMMARY:Hackathon agricole',
		'DESCRIPTION:Deux équipes\\, une journée\\, des prototypes pour les exploitations du Cantal.',
		'LOCATION:Lycée agricole Georges Pompidou\\, Aurillac',
		'GEO:44.9178;2.4263',
		'URL:https://openagenda.com/innovation-auvergne/events/hackathon-agricole',
		'X-OA-EVENT-UID:54712093',
		'END:VEVENT',
		'BEGIN:VEVENT',
		'UID:openagenda-61200874-1@openagenda.com',
		'DTSTAMP:20261130T231500Z',
		'DTSTART:20271205T090000Z',
		'DTEND:20271205T113000Z',
		'SUMMARY:Rencontre investisseurs',
		'LOCATION:Hôtel de Région\\, Clermont-Ferrand',
		'URL:https://openagenda.com/innovation-auvergne/events/rencontre-investisseurs',
		'END:VEVENT',
		'END:VCALENDAR'
	]);
}

export const CAFE_UID = 'd7a3c2f0-5b1e-4e8a-9c6d-2f0b1a3e4c5d';

/**
 * A Nextcloud calendar's « premier jeudi » meeting from March 2027, across the change to summer time (28 March):
 * May is removed by EXDATE, April's is moved to the Friday morning by a client that writes the moved occurrence
 * in UTC, and June's is cancelled by an exception carrying STATUS:CANCELLED.
 */
export function recurringFeed(): string {
	return icsFile([
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		'PRODID:-//IDN nextcloud.com//Calendar app 4.7.6//EN',
		'X-WR-CALNAME:Réseau des créateurs (Christian T.)',
		'X-APPLE-CALENDAR-COLOR:#0082c9',
		...PARIS_VTIMEZONE,
		'BEGIN:VEVENT',
		'CREATED:20261110T152233Z',
		'DTSTAMP:20261201T080102Z',
		'LAST-MODIFIED:20261201T080102Z',
		'SEQUENCE:3',
		`UID:${CAFE_UID}`,
		'DTSTART;TZID=Europe/Paris:20270304T183000',
		'DTEND;TZID=Europe/Paris:20270304T203000',
		'STATUS:CONFIRMED',
		'SUMMARY:Café créateurs',
		'LOCATION:Le Grand Café\\, Place de l’Hôtel de Ville\\, Saint-Flour',
		'DESCRIPTION:Chaque premier jeudi du mois\\, on se retrouve pour parler projets.',
		'RRULE:FREQ=MONTHLY;UNTIL=20271231T225959Z;BYDAY=1TH',
		'EXDATE;TZID=Europe/Paris:20270506T183000',
		'END:VEVENT',
		'BEGIN:VEVENT',
		'CREATED:20261110T152233Z',
		'DTSTAMP:20261201T080102Z',
		'LAST-MODIFIED:20261201T080102Z',
		'SEQUENCE:4',
		`UID:${CAFE_UID}`,
		'DTSTART:20270402T070000Z',
		'DTEND:20270402T090000Z',
		'STATUS:CONFIRMED',
		'SUMMARY:Café créateurs (au petit matin)',
		'RECURRENCE-ID:20270401T163000Z',
		'END:VEVENT',
		'BEGIN:VEVENT',
		'CREATED:20261110T152233Z',
		'DTSTAMP:20261201T080102Z',
		'SEQUENCE:4',
		`UID:${CAFE_UID}`,
		'DTSTART;TZID=Europe/Paris:20270603T183000',
		'DTEND;TZID=Europe/Paris:20270603T203000',
		'STATUS:CANCELLED',
		'RECURRENCE-ID;TZID=Europe/Paris:20270603T183000',
		'END:VEVENT',
		'END:VCALENDAR'
	]);
}

/**
 * A town hall's calendar exported by Outlook 2003 and saved as windows-1252 (« Café créateurs », « 5 € »): the
 * string to encode with iconv-lite, so a test can serve the very bytes.
 */
export function windows1252Feed(): string {
	return [
		'BEGIN:VCALENDAR',
		'PRODID:-//Microsoft Corporation//Outlook 11.0 MIMEDIR//EN',
		'VERSION:2.0',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		'DTSTART:20270318T170000Z',
		'DTEND:20270318T190000Z',
		'LOCATION:Salle des fêtes',
		'TRANSP:OPAQUE',
		'SEQUENCE:0',
		'UID:040000008200E00074C5B7101A82E0080000000090A9B8C7D6E5C701000000000000000010000000AABBCCDDEEFF00112233445566778899',
		'DTSTAMP:20261202T141500Z',
		'DESCRIPTION:Entrée : 5 € – café offert',
		'SUMMARY:« Café créateurs »',
		'PRIORITY:5',
		'X-MICROSOFT-CDO-IMPORTANCE:1',
		'CLASS:PUBLIC',
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join('\r\n');
}
