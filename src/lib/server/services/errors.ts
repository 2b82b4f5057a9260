/** Typed failures that routes turn into French 400/404/409 answers. */
export class ValidationError extends Error {
	constructor(public readonly issues: string[]) {
		super(`Données invalides : ${issues.join(' ; ')}`);
		this.name = 'ValidationError';
	}
}

export class NotFoundError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NotFoundError';
	}
}
