/**
 * `npm run user:create -- --role admin --email prenom.nom@exemple.fr [--name "Prénom Nom"]`: creates an
 * account from the command line (how the first admin exists) and prints its one-time invitation link.
 * The link is printed, and also e-mailed when SMTP_URL is configured; it expires in 7 days. Run it with the
 * server's ORIGIN, or its PORT/HOST, so the link points at the server.
 */
import { parseArgs } from 'node:util';
import { databasePath, openDb } from '../src/lib/server/db/index';
import { ValidationError } from '../src/lib/server/services/errors';
import { inviteUser } from '../src/lib/server/services/users.service';
import { accountLinkMail, mailSetting, sendMail } from '../src/lib/server/mail/mailer';
import { publicOrigin } from '../src/lib/server/http/origin';

const { values } = parseArgs({
	args: process.argv.slice(2).filter((a) => a !== '--'),
	options: {
		role: { type: 'string' },
		email: { type: 'string' },
		name: { type: 'string' }
	}
});

const path = databasePath();
const db = openDb(path);
try {
	const email = values.email ?? '';
	// Without --name, the part before @ is a readable default the person can live with.
	const displayName = values.name ?? email.split('@')[0] ?? '';
	const { path: linkPath } = inviteUser(db, 'cli', { email, displayName, role: values.role as never });
	// The server's own origin: ORIGIN behind a proxy, else the one `npm start` derives from PORT and HOST.
	const { origin } = publicOrigin(process.env);
	console.log(`Compte ${values.role} créé pour ${email.trim().toLowerCase()} (base ${path}).`);
	console.log(`Lien d'invitation, à usage unique, valable 7 jours :\n${origin}${linkPath}`);
	const mailed = await sendMail(mailSetting(), accountLinkMail(email.trim().toLowerCase(), `${origin}${linkPath}`, 'invite', displayName));
	console.log(mailed.sent ? `Lien également envoyé par courriel à ${email.trim().toLowerCase()}.` : `Lien non envoyé par courriel : ${mailed.reason}.`);
} catch (e) {
	if (e instanceof ValidationError) {
		console.error(`Impossible de créer le compte :\n- ${e.issues.join('\n- ')}`);
		console.error('Usage : npm run user:create -- --role admin|editor|partner --email adresse@exemple.fr [--name "Prénom Nom"]');
		process.exitCode = 2;
	} else throw e;
} finally {
	db.$client.close();
}
