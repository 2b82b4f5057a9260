import { Cron } from 'croner';
import type { Db } from '../db';
import type { MailSetting } from '../mail/mailer';

export const JOBS_TIMEZONE = 'Europe/Paris';

/** What a job receives: the database, the moment it runs for, where mail goes and the site's origin for links. */
export interface JobContext {
	db: Db;
	now: Date;
	mail: MailSetting | null;
	/** The site's public origin (ORIGIN, or derived from PORT/HOST as `npm start` does): links in mails are absolute. */
	origin: string;
	/** Run by the server's scheduler (its own connection, between requests), not by `npm run jobs`. */
	inServer?: boolean;
}

export interface JobDefinition {
	name: string;
	/** Cron expression, read in Europe/Paris. */
	schedule: string;
	/** What it does, in French (`npm run jobs -- --list`). */
	label: string;
	/** Returns a one-line French summary, kept in the jobs table. */
	run: (ctx: JobContext) => Promise<string>;
}

/** The first run of `schedule` strictly after `from`, as an ISO instant. */
export function nextRunAfter(schedule: string, from: Date): string | null {
	return new Cron(schedule, { timezone: JOBS_TIMEZONE, paused: true }).nextRun(from)?.toISOString() ?? null;
}
