/**
 * One JSON line per security event on stdout, for whatever collects the server's logs.
 * Callers pass identifiers only (user id, e-mail, IP): never a password, a token or a hash.
 */
export type SecurityEvent =
	| 'login.success'
	| 'login.failure'
	| 'login.rate_limited'
	| 'logout'
	| 'invitation.created'
	| 'invitation.accepted'
	| 'password.reset_requested'
	// a reset link asked for an account of an equal or higher role: refused, nothing made
	| 'password.reset_refused'
	| 'password.changed'
	| 'user.disabled'
	| 'user.role_changed'
	| 'person.erased'
	| 'change.approved'
	| 'change.rejected'
	| 'entities.merged'
	| 'manager.granted'
	| 'manager.revoked'
	| 'partner.moderation_changed'
	| 'access.denied'
	// the search's synonyms table: no revisions table for settings, so the log says who changed which group
	| 'synonyms.created'
	| 'synonyms.updated'
	| 'synonyms.deleted'
	// people without an account: referencing, claims, forgotten passwords
	| 'newcomer.throttled'
	| 'newcomer.mail_not_sent'
	| 'password.reset_self_requested';

/** Field names that must never reach a log, whatever a caller passes by mistake. */
const FORBIDDEN = /pass|token|hash|secret|cookie/i;

export function securityLog(event: SecurityEvent, fields: Record<string, string | number | boolean | null | undefined> = {}) {
	const safe: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) if (!FORBIDDEN.test(key) && value !== undefined) safe[key] = value;
	console.log(JSON.stringify({ at: new Date().toISOString(), type: 'security', event, ...safe }));
}
