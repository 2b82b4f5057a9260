/** The article form's fields as typed, sent back with a refusal so nothing typed is lost. */
export function typedArticle(form: FormData) {
	const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		url: text('url', 2000),
		title: text('title', 400),
		publishedAt: text('publishedAt', 20),
		outlet: text('outlet', 200),
		author: text('author', 200),
		excerpt: text('excerpt', 1000),
		imageUrl: text('imageUrl', 2000),
		language: text('language', 5) || 'fr',
		bodyText: text('bodyText', 20_000)
	};
}
export type TypedArticle = ReturnType<typeof typedArticle>;
