import { getDb } from '$lib/server/db/connection';
import { formFailure, idFrom, requireUser } from '$lib/server/http/form-failure';
import { formAction } from '$lib/server/http/page';
import { MAX_IMAGE_BYTES, tooHeavyMessage } from '$lib/server/uploads/listing-image';
import { ValidationError } from '$lib/server/services/errors';
import { submitListingImage } from '$lib/server/services/listing-image.service';
import { m } from '$lib/paraglide/messages';
import type { RequestEvent } from './$types';

/**
 * `?/image`: the listing's logo or photo (multipart form of ImageSection.svelte). A file over the limit is
 * refused from its announced size, before its bytes are read.
 */
export const imageAction = formAction(
	async ({ locals, url, params }: RequestEvent, form) => {
		const user = requireUser(locals.user, url);
		const alt = String(form.get('imageAlt') ?? '');
		const remove = form.get('remove') === '1';
		const file = form.get('image');
		const sent = file instanceof File && file.size > 0 ? file : null;
		if (sent && sent.size > MAX_IMAGE_BYTES) throw new ValidationError([tooHeavyMessage(sent.size)]);
		const bytes = sent ? new Uint8Array(await sent.arrayBuffer()) : null;
		const r = await submitListingImage(getDb(), user, idFrom(params.id), { bytes, alt, remove }, Number(form.get('version')));
		const done =
			r.status === 'pending'
				? remove
					? m.partner_image_removal_sent()
					: m.partner_image_sent()
				: r.status === 'applied'
					? remove
						? m.partner_image_removed()
						: m.partner_image_published()
					: r.status === 'withdrawn'
						? m.partner_image_reverted()
						: m.partner_edit_unchanged();
		return { scope: 'image', target: 0, done };
	},
	(e, form) => formFailure(e, { scope: 'image', target: 0, values: { imageAlt: String(form.get('imageAlt') ?? '') } as Record<string, unknown> })
);
