// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** French validation issues, listed on the 400 page. */
			issues?: string[];
		}
		interface Locals {
			/** The signed-in account, set by hooks.server.ts from the session cookie; null for visitors. */
			user: import('$lib/server/services/users.service').AccountUser | null;
			/** This request's id (X-Request-Id), in the access log and in the « erreur inattendue » message. */
			requestId: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
