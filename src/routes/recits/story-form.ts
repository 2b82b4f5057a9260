/** The récit form's fields as typed, sent back with a refusal so nothing typed is lost. */
export function typedStory(form: FormData) {
	const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		title: text('title', 300),
		subtitle: text('subtitle', 400),
		author: text('author', 200),
		coverUrl: text('coverUrl', 2000),
		intro: text('intro', 12_000)
	};
}
export type TypedStory = ReturnType<typeof typedStory>;
