import type { Db } from '../db';
import type { UserRole } from '../db/schema';
import { isManager } from '../repos/contribution.repo';

/*
 * « May this person do X to Y? », answered once. Services ask here before they write (and throw
 * ForbiddenError with their own French sentence); the layout asks here what the header offers. A rule that
 * changes changes here, nowhere else.
 */

/** Who asks: a signed-in account, or the command line run by whoever holds the server. */
interface Person {
	id: number;
	role: UserRole;
}
type Actor = Person | 'cli';

/** Admins and editors: the Connecteur's own team. */
export const isEditor = (user: Person | null | undefined): boolean => user?.role === 'admin' || user?.role === 'editor';

export const isAdmin = (user: Person | null | undefined): boolean => user?.role === 'admin';

/** The moderation queue, the relations to review, merges and archives. */
export const mayModerate = isEditor;

/** The editors' dashboard (« tableau de bord »: freshness, duplicates, reminders). */
export const maySeeDashboard = isEditor;

/** Imports change many listings at once: the team only. */
export const mayImport = isEditor;

/** The search's synonyms and related words (/admin/recherche): they change every visitor's results. */
export const mayEditSearchWords = isEditor;

/** Putting back an older version of a listing, or a deleted one, and seeing hidden listings' history. */
export const mayRestoreRevisions = isEditor;

/** The accounts page: admins and editors (the command line too). */
export const mayManageUsers = (actor: Actor): boolean => actor === 'cli' || isEditor(actor);

/** Editors invite editors and partners; only an admin (or the command line) makes another admin. */
export const mayInvite = (actor: Actor, role: UserRole): boolean => actor === 'cli' || isAdmin(actor) || (isEditor(actor) && role !== 'admin');

/** Who stands above whom: partner < editor < admin. */
const ROLE_RANK: Record<UserRole, number> = { partner: 0, editor: 1, admin: 2 };

/**
 * A password-reset link for someone else's account: whoever holds it signs in as that person, and what they
 * then do is recorded under that person's name. So only the team, only for an account of a lower role than
 * their own (an editor for a partner; an admin for an editor or a partner), never an equal's or a superior's,
 * nor their own (« Mon compte » changes one's password without a link). The command line may (it holds the
 * server; « mot de passe oublié » uses its right on the person's own behalf, the link going to their mailbox).
 */
export const mayIssueResetLink = (actor: Actor, target: Person): boolean =>
	actor === 'cli' || (isEditor(actor) && actor.id !== target.id && ROLE_RANK[actor.role] > ROLE_RANK[target.role]);

/**
 * Whether that link may be shown to the one who asked (when it cannot be e-mailed) rather than only sent to
 * the person: an admin for a partner, and the command line. An editor never sees someone else's link.
 */
export const mayBeShownResetLink = (actor: Actor, target: Person): boolean =>
	actor === 'cli' || (isAdmin(actor) && target.role === 'partner' && mayIssueResetLink(actor, target));

/** Disabling an account or changing its role: admins only (and the command line). */
export const mayChangeAccounts = (actor: Actor): boolean => actor === 'cli' || isAdmin(actor);

/** Proposing a new listing: the team, and partners (their proposal then waits for review if they are moderated). */
export const mayPropose = (user: Person): boolean => isEditor(user) || user.role === 'partner';

/** Only a partner account is given listings to manage: editors already manage them all. */
export const mayBeGivenListings = (user: Person): boolean => user.role === 'partner';

/** Editing a listing (and the relations it declares): the team, or a partner who manages it. */
export const mayEditEntity = (db: Db, user: Person, entityId: number): boolean =>
	isEditor(user) || (user.role === 'partner' && isManager(db, user.id, entityId));

/**
 * Editing a relation (its dates, description, source; ending it): whoever may edit either of its ends. Who
 * may confirm or contest it is narrower (the side that did not declare it): relation-dispute.service.
 */
export const mayEditRelation = (db: Db, user: Person, relation: { sourceId: number; targetId: number }): boolean =>
	mayEditEntity(db, user, relation.sourceId) || mayEditEntity(db, user, relation.targetId);

/** What the site's header offers this visitor (the links it shows; each page checks again). */
export function headerPermissions(user: Person | null | undefined) {
	return {
		moderate: mayModerate(user),
		dashboard: maySeeDashboard(user),
		import: mayImport(user),
		searchWords: mayEditSearchWords(user),
		manageUsers: !!user && mayManageUsers(user)
	};
}
