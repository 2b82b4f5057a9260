/**
 * What the site tells people by e-mail and in the bell: freshness reminders, notification mails and
 * digests, the editors' daily queue, the outcome of a report. Plain text, French typography.
 */
import { formatDay } from './dates';
import { countOf, frenchSpacing } from './typography';

export interface MailText {
	subject: string;
	text: string;
}

export interface ReminderItem {
	name: string;
	lastVerifiedAt: string | null;
	confirmLink: string;
	editLink: string;
}

const signature = ['', '— Le Connecteur'];

/** When a listing was last confirmed: « vérifiée pour la dernière fois le 3 mars 2025 », « jamais vérifiée ». */
export function lastVerifiedPhrase(lastVerifiedAt: string | null): string {
	return lastVerifiedAt ? `vérifiée pour la dernière fois le ${formatDay(lastVerifiedAt)}` : 'jamais vérifiée';
}

/** One message per manager and run, one pair of links per listing. */
export function reminderMail(displayName: string, items: ReminderItem[], months: number, validDays: number): MailText {
	const one = items.length === 1;
	const first = items[0] as ReminderItem;
	const lines = [
		`Bonjour ${displayName},`,
		'',
		one
			? `La fiche « ${first.name} » que vous gérez sur Connecteur Carto n’a pas été vérifiée depuis plus de ${countOf(months, 'mois', 'mois')} : elle s’affiche « à vérifier ».`
			: `${countOf(items.length, 'fiche')} que vous gérez sur Connecteur Carto n’ont pas été vérifiées depuis plus de ${countOf(months, 'mois', 'mois')} : elles s’affichent « à vérifier ».`,
		''
	];
	for (const item of items) {
		lines.push(
			`« ${item.name} » (${lastVerifiedPhrase(item.lastVerifiedAt)})`,
			`  Toujours à jour ? Confirmez en un clic : ${item.confirmLink}`,
			`  Quelque chose a changé ? Modifiez la fiche : ${item.editLink}`,
			''
		);
	}
	lines.push(`Chaque lien de confirmation sert une fois et reste valable ${countOf(validDays, 'jour')}.`, ...signature);
	return {
		subject: frenchSpacing(one ? `« ${first.name} » est-elle toujours à jour ?` : `${countOf(items.length, 'fiche')} à vérifier sur Connecteur Carto`),
		text: frenchSpacing(lines.join('\n'))
	};
}

export const reminderNotice = (name: string, lastVerifiedAt: string | null) => ({
	title: frenchSpacing(`« ${name} » est à vérifier`),
	body: frenchSpacing(`Fiche ${lastVerifiedPhrase(lastVerifiedAt)}. Confirmez qu’elle est toujours à jour, ou modifiez-la.`)
});

export const unmanagedStaleNotice = (n: number) => frenchSpacing(`${countOf(n, 'fiche')} sans gestionnaire ${n >= 2 ? 'sont' : 'est'} à vérifier`);

export interface NoticeLine {
	title: string;
	body: string;
	link: string;
	createdAt: string;
}

function noticeLines(items: NoticeLine[], origin: string): string[] {
	return items.flatMap((n) => [
		`• ${n.title} (${formatDay(n.createdAt)})`,
		...(n.body ? [`  ${n.body}`] : []),
		...(n.link ? [`  ${origin}${n.link}`] : []),
		''
	]);
}

/** The immediate mail (everything new since the last run) or the weekly digest. */
export function notificationsMail(displayName: string, items: NoticeLine[], origin: string, weekly: boolean): MailText {
	const one = items.length === 1;
	const subject = weekly
		? `Votre semaine sur Connecteur Carto : ${countOf(items.length, 'notification')}`
		: one
			? (items[0] as NoticeLine).title
			: `${countOf(items.length, 'nouvelle notification', 'nouvelles notifications')} sur Connecteur Carto`;
	const text = [
		`Bonjour ${displayName},`,
		'',
		weekly ? 'Ce qui s’est passé cette semaine :' : 'Du nouveau sur Connecteur Carto :',
		'',
		...noticeLines(items, origin),
		`Toutes vos notifications : ${origin}/notifications`,
		`Recevoir ces messages autrement (immédiatement, une fois par semaine, jamais) : ${origin}/compte`,
		...signature
	];
	return { subject: frenchSpacing(subject), text: frenchSpacing(text.join('\n')) };
}

export interface QueueFigures {
	/** Proposals waiting, by kind label (« Modification de fiche » → 3). */
	byKind: { kind: string; label: string; count: number }[];
	oldestDays: number | null;
	reports: number;
	claims: number;
	staleUnmanaged: number;
}

/** The editors' morning message: what waits in the queue and for how long. */
export function editorsDigestMail(displayName: string, q: QueueFigures, origin: string): MailText {
	const waiting = q.byKind.reduce((s, k) => s + k.count, 0);
	const lines = [`Bonjour ${displayName},`, ''];
	if (waiting === 0) lines.push('Rien n’attend dans la file de modération.');
	else {
		lines.push(`${countOf(waiting, 'proposition')} ${waiting >= 2 ? 'attendent' : 'attend'} une relecture :`);
		for (const k of q.byKind) lines.push(`• ${k.label} : ${k.count}`);
		if (q.oldestDays !== null) lines.push(`La plus ancienne attend depuis ${countOf(q.oldestDays, 'jour')}.`);
	}
	lines.push('', `Signalements d’erreur : ${q.reports} ; revendications de fiche : ${q.claims} ; fiches sans gestionnaire à vérifier : ${q.staleUnmanaged}.`);
	lines.push('', `La file : ${origin}/moderation`, `Le tableau de bord : ${origin}/moderation/tableau`, ...signature);
	return {
		subject: frenchSpacing(waiting ? `Modération : ${countOf(waiting, 'proposition')} en attente` : 'Modération : file vide'),
		text: frenchSpacing(lines.join('\n'))
	};
}

/** To whoever reported an error without an account and left an address. */
export function reportOutcomeMail(listingName: string, approved: boolean, comment: string, link: string): MailText {
	return {
		subject: frenchSpacing(`Votre signalement sur « ${listingName} »`),
		text: frenchSpacing(
			[
				'Bonjour,',
				'',
				approved
					? `Merci : l’équipe du Connecteur a pris en compte votre signalement sur la fiche « ${listingName} ».`
					: `L’équipe du Connecteur a examiné votre signalement sur la fiche « ${listingName} » et n’y a pas donné suite.`,
				...(comment ? ['', `Son commentaire : ${comment}`] : []),
				'',
				`La fiche : ${link}`,
				'',
				'Votre adresse n’a servi qu’à vous répondre ; elle n’est pas publiée.',
				...signature
			].join('\n')
		)
	};
}

/** The bell's line for a proposal reviewed: « Votre proposition « … » est acceptée ». */
export const proposalReviewedNotice = (title: string, approved: boolean, comment: string) => ({
	title: frenchSpacing(`${approved ? 'Acceptée' : 'Refusée'} : ${title}`),
	body: comment ? frenchSpacing(`Commentaire de l’équipe : ${comment}`) : ''
});

export const reportReceivedNotice = (name: string) => ({
	title: frenchSpacing(`Une erreur est signalée sur « ${name} »`),
	body: 'Un visiteur propose une correction : l’équipe la relit ; vous pouvez mettre la fiche à jour.'
});

export const relationToConfirmNotice = (sentence: string) => ({
	title: frenchSpacing(`Une relation attend votre confirmation : ${sentence}`),
	body: ''
});
