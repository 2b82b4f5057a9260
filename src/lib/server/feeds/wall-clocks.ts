/**
 * Wall clocks of named time zones, through Intl (Node's ICU time zone data, kept current with Node). The app
 * stores an event as bare Paris wall-clock time, so every time read from a partner's calendar ends up here.
 */

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS`, the form events are stored in. */
export function formatWallTime(t: WallTime): string {
	return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/**
 * One reader's time zones: formatters are costly to build (tens of microseconds) and a calendar repeats the same
 * two or three zones thousands of times, so they are kept for the life of one read rather than in the module.
 */
export class WallClocks {
	readonly #formats = new Map<string, Intl.DateTimeFormat | null>();

	#format(timeZone: string): Intl.DateTimeFormat | null {
		if (!this.#formats.has(timeZone)) {
			let format: Intl.DateTimeFormat | null = null;
			try {
				format = new Intl.DateTimeFormat('en-CA', {
					timeZone,
					year: 'numeric',
					month: '2-digit',
					day: '2-digit',
					hour: '2-digit',
					minute: '2-digit',
					second: '2-digit',
					hourCycle: 'h23'
				});
			} catch {
				// RangeError: not a time zone ICU knows.
			}
			this.#formats.set(timeZone, format);
		}
		return this.#formats.get(timeZone) ?? null;
	}

	/** Whether Intl knows this IANA name (« Europe/Paris », « America/Montreal », « UTC »). */
	knows(timeZone: string): boolean {
		return this.#format(timeZone) !== null;
	}

	/** The wall clock of an instant in a zone Intl knows. */
	wallTime(epochMs: number, timeZone: string): WallTime {
		const format = this.#format(timeZone);
		if (!format) throw new RangeError(`Unknown time zone ${timeZone}`);
		const parts: Record<string, number> = {};
		for (const p of format.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
		return {
			year: parts.year ?? 0,
			month: parts.month ?? 1,
			day: parts.day ?? 1,
			hour: parts.hour ?? 0,
			minute: parts.minute ?? 0,
			second: parts.second ?? 0
		};
	}

	/** Paris wall clock of an instant, as stored. */
	paris(epochMs: number): string {
		return formatWallTime(this.wallTime(epochMs, 'Europe/Paris'));
	}

	/**
	 * The instant a zone's wall clock shows. Two passes because the offset depends on the instant being sought;
	 * a time inside the spring-forward gap comes out one hour later, as calendar applications show it.
	 */
	instant(wall: WallTime, timeZone: string): number {
		const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, Math.min(wall.second, 59));
		const offset = (epochMs: number) => {
			const w = this.wallTime(epochMs, timeZone);
			return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - epochMs;
		};
		const first = asUtc - offset(asUtc);
		return asUtc - offset(first);
	}
}
