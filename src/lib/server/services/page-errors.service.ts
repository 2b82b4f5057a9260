import { error } from '@sveltejs/kit';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { ForbiddenError } from './users.service';

/** "kind.0 : type d'acteur inconnu" -> "paramètre « kind » : type d'acteur inconnu" (what the visitor typed). */
export function describeIssue(issue: string): string {
	return issue.replace(/^([A-Za-z]+)(\.\d+)* : /, 'paramètre « $1 » : ');
}

/** Turns the services' typed failures into French 400/403/404/409 pages; anything else stays a 500. */
export function rethrowAsPageError(e: unknown): never {
	if (e instanceof ValidationError) {
		const issues = e.issues.map(describeIssue);
		error(400, { message: "Cette adresse contient des paramètres que nous ne savons pas lire.", issues });
	}
	if (e instanceof NotFoundError) error(404, { message: e.message });
	if (e instanceof ForbiddenError) error(403, { message: e.message });
	// The conflict's details (the other change, private fields included) are for the edit form, not this page.
	if (e instanceof ConflictError) error(409, { message: e.message });
	throw e;
}
