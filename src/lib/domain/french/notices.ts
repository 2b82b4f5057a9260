/**
 * What the site tells people in the bell, and the outcome of a report by e-mail. Plain text, French
 * typography. The mails sent in the recipient's language are in $lib/server/mail/mail-texts.ts.
 */
import { formatDay } from './dates';
import { countOf, frenchSpacing } from './typography';

export interface MailText {
	subject: string;
	text: string;
}

const signature = ['', '— Le Connecteur'];

/** When a listing was last confirmed: « vérifiée pour la dernière fois le 3 mars 2025 », « jamais vérifiée ». */
export function lastVerifiedPhrase(lastVerifiedAt: string | null): string {
	return lastVerifiedAt ? `vérifiée pour la dernière fois le ${formatDay(lastVerifiedAt)}` : 'jamais vérifiée';
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

export interface QueueFigures {
	/** Proposals waiting, by kind label (« Modification de fiche » → 3). */
	byKind: { kind: string; label: string; count: number }[];
	oldestDays: number | null;
	reports: number;
	claims: number;
	staleUnmanaged: number;
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
