/**
 * Reads the times of one iCalendar file as Paris wall clock, whatever zone each was written in: UTC (`…Z`), a
 * TZID defined by the file's own VTIMEZONE (Outlook's « Romance Standard Time », « Customized Time Zone »), a bare
 * IANA name without VTIMEZONE (what many generators rely on), or floating time (taken as Paris: the region's
 * partners write local times).
 *
 * VTIMEZONEs are kept per file rather than registered in ICAL.TimezoneService: that service is process-wide, so
 * one partner's definition of « Romance Standard Time » would silently change how every other feed is read.
 */
import ICAL from 'ical.js';
import { NBSP } from '$lib/domain/french/typography';
import { formatWallTime, WallClocks, type WallTime } from './wall-clocks';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/**
 * Windows names (Exchange, Outlook) that come without a VTIMEZONE in some exports, for the zones the region's
 * partners use. Outlook files normally carry the VTIMEZONE, which is read first.
 */
const WINDOWS_ZONES: Record<string, string> = {
	'Romance Standard Time': 'Europe/Paris',
	'W. Europe Standard Time': 'Europe/Berlin',
	'Central Europe Standard Time': 'Europe/Budapest',
	'Central European Standard Time': 'Europe/Warsaw',
	'GMT Standard Time': 'Europe/London',
	'Greenwich Standard Time': 'Atlantic/Reykjavik',
	'E. Europe Standard Time': 'Europe/Chisinau',
	'FLE Standard Time': 'Europe/Kyiv',
	'GTB Standard Time': 'Europe/Bucharest',
	'Morocco Standard Time': 'Africa/Casablanca',
	'Eastern Standard Time': 'America/New_York',
	'Pacific Standard Time': 'America/Los_Angeles',
	'Mauritius Standard Time': 'Indian/Reunion',
	'SA Western Standard Time': 'America/Martinique',
	'SA Eastern Standard Time': 'America/Cayenne',
	UTC: 'UTC'
};

export const wallTimeOf = (t: IcalTime): WallTime => ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second });

export class CalendarTimes {
	readonly #clocks = new WallClocks();
	readonly #fileZones = new Map<string, IcalTimezone>();
	readonly #unknownZones = new Set<string>();
	readonly #problems: string[];

	constructor(calendar: IcalComponent, problems: string[]) {
		this.#problems = problems;
		for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
			const tzid = vtimezone.getFirstPropertyValue('tzid');
			if (typeof tzid !== 'string' || !tzid) continue;
			try {
				this.#fileZones.set(tzid, new ICAL.Timezone({ component: vtimezone, tzid }));
			} catch {
				// An unusable VTIMEZONE: its TZID is then read as an IANA or Windows name, if it is one.
			}
		}
	}

	/** The Paris wall clock of one value of a date-time property (DTSTART, EXDATE, RECURRENCE-ID …). */
	paris(property: IcalProperty, value: IcalTime): string {
		const wall = wallTimeOf(value);
		if (value.isDate) return formatWallTime({ ...wall, hour: 0, minute: 0, second: 0 });
		if (value.zone === ICAL.Timezone.utcTimezone) return this.#clocks.paris(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
		const tzid = property.getParameter('tzid');
		if (typeof tzid !== 'string' || !tzid) return formatWallTime(wall);
		const instant = this.#instant(wall, tzid);
		if (instant !== null) return this.#clocks.paris(instant);
		if (!this.#unknownZones.has(tzid)) {
			this.#unknownZones.add(tzid);
			this.#problems.push(`Fuseau horaire inconnu «${NBSP}${tzid}${NBSP}»${NBSP}: ses heures sont lues comme heures de Paris.`);
		}
		return formatWallTime(wall);
	}

	#instant(wall: WallTime, tzid: string): number | null {
		const fileZone = this.#fileZones.get(tzid);
		if (fileZone) {
			try {
				const seconds = new ICAL.Time({ ...wall, isDate: false }, fileZone).toUnixTime();
				if (Number.isFinite(seconds)) return seconds * 1000;
			} catch {
				// A VTIMEZONE ical.js cannot expand: fall back on the name.
			}
		}
		const iana = this.#ianaName(tzid);
		return iana ? this.#clocks.instant(wall, iana) : null;
	}

	/**
	 * An IANA name behind a TZID: the name itself (Google, Nextcloud), a Windows name, Outlook's display name
	 * (« (UTC+01:00) Bruxelles, Copenhague, Madrid, Paris »), or an old prefixed form
	 * (« /freeassociation.sourceforge.net/Tzfile/Europe/Paris » from Evolution and early Lightning).
	 */
	#ianaName(tzid: string): string | null {
		const name = tzid.trim().replace(/^"|"$/g, '');
		if (this.#clocks.knows(name)) return name;
		const windows = WINDOWS_ZONES[name];
		if (windows) return windows;
		if (/^\(UTC\+01:00\).*\b(Paris|Bruxelles|Brussels|Madrid|Copenhag)/i.test(name)) return 'Europe/Paris';
		if (/^\(UTC\+01:00\).*\b(Amsterdam|Berlin|Rome|Vienn)/i.test(name)) return 'Europe/Berlin';
		const segments = name.split('/');
		for (const n of [3, 2]) {
			const tail = segments.slice(-n).join('/');
			if (segments.length > n && this.#clocks.knows(tail)) return tail;
		}
		return null;
	}
}
