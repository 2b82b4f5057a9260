import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { emailConfirmations, users } from '../db/schema';
import { isLocale, type Locale } from '$lib/paraglide/runtime';

/*
 * In which language a person is written to. A mail answering what a visitor just did (a reset link, a
 * confirmation link) goes out in the language of that request. A mail sent later (reminders, notifications,
 * digests, the answer to a newcomer's request) goes out in the language the person last used: the one an
 * account signed in with (users.locale), the one a newcomer asked in (kept in their confirmation's payload).
 * Unknown is French, the site's own language.
 */

const known = (value: unknown): Locale => (isLocale(value) ? value : 'fr');

/** Called when a person signs in: what they read the site in is what they will be written to in. */
export function rememberLocale(db: Db, userId: number, locale: Locale): void {
	db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The remembered language of each account (French for those never seen signing in). */
export function accountLocales(db: Db, userIds: number[]): Map<number, Locale> {
	const locales = new Map<number, Locale>();
	// A few hundred ids per statement: SQLite bounds a statement's parameters.
	for (let i = 0; i < userIds.length; i += 500) {
		const rows = db
			.select({ id: users.id, locale: users.locale })
			.from(users)
			.where(inArray(users.id, userIds.slice(i, i + 500)))
			.all();
		for (const r of rows) locales.set(r.id, known(r.locale));
	}
	return locales;
}

/** The language a newcomer asked in, read from the confirmation their pending request came through. */
export function newcomerLocale(db: Db, pendingChangeId: number): Locale {
	const row = db.select({ payload: emailConfirmations.payload }).from(emailConfirmations).where(eq(emailConfirmations.pendingChangeId, pendingChangeId)).get();
	return known(row?.payload.locale);
}
