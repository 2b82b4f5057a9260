import { parseStoryView, viewActorRefs, type StoryView } from '$lib/domain/story-view';
import { storyInputSchema, storyStepSchema, type StoryInput, type StoryStepInput } from '$lib/domain/story.schema';
import { slugify } from '$lib/domain/slug';
import type { Db } from '../db';
import type { StoryRow, StoryStatus } from '../db/schema';
import { renderMarkdown } from '../markdown';
import { graphRevision } from '../repos/graph.repo';
import * as repo from '../repos/story.repo';
import { NotFoundError, ValidationError } from './errors';
import { assertEditor, isEditor } from './managers.service';
import { writeTransaction } from './revision-write';
import type { AccountUser } from './users.service';
import { PICTURE } from '$lib/stories/view-answers';
import { m } from '$lib/paraglide/messages';

/*
 * Récits (issue 20). A récit is written by the newsroom: its fields and its steps change through `writeStory`
 * only, which bumps the version (a save from an old page is refused, nothing lost), records the whole new state
 * in the récit's history and works out which actors it features (their pages list it once it is published).
 */

export const MAX_STEPS = 30;
const ACTOR_LINK = /\/acteurs\/([a-z0-9]+(?:-[a-z0-9]+)*)/g;

export interface StepState {
	text: string;
	view: string;
	/** The answers the view was drawn from, when the récit is frozen (JSON); kept as is by edits of the text. */
	frozenData: string | null;
}

function validated<T>(
	schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
	values: unknown
): T {
	const parsed = schema.safeParse(values);
	if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message));
	return parsed.data;
}

function storyOrThrow(db: Db, id: number): StoryRow {
	const row = repo.storyById(db, id);
	if (!row) throw new NotFoundError(m.stories_error_none({ id }));
	return row;
}

function freeSlug(db: Db, title: string): string {
	const base = slugify(title).slice(0, 80) || 'recit';
	let slug = base;
	for (let n = 2; repo.slugTakenByStory(db, slug); n++) slug = `${base}-${n}`;
	return slug;
}

/** The actors named by the views (selection, focus, path ends, a pathway's project) and linked from the texts. */
function featured(db: Db, steps: StepState[], intro: string): number[] {
	const refs = new Set<string>();
	for (const s of steps) {
		const view = parseStoryView(s.view);
		if (view) for (const r of viewActorRefs(view)) refs.add(r);
		for (const match of s.text.matchAll(ACTOR_LINK)) refs.add(match[1] as string);
	}
	for (const match of intro.matchAll(ACTOR_LINK)) refs.add(match[1] as string);
	return repo.entityIdsByRefs(db, [...refs]);
}

function snapshot(row: StoryRow, steps: StepState[]): string {
	const { title, subtitle, author, coverUrl, intro, status, frozenAt, frozenRevision, slug } = row;
	return JSON.stringify({
		slug,
		title,
		subtitle,
		author,
		coverUrl,
		intro,
		status,
		frozenAt,
		frozenRevision,
		steps: steps.map(({ text, view }) => ({ text, view }))
	});
}

/**
 * The one way a récit changes: fields and/or steps, checked against the version the editor started from, then
 * its history and featured actors, in one transaction.
 */
function writeStory(
	db: Db,
	editor: AccountUser,
	id: number,
	change: { fields?: Partial<StoryRow>; steps?: StepState[] },
	reason: string,
	expectedVersion: number | null
): StoryRow {
	return writeTransaction(db, (tx) => {
		const row = storyOrThrow(tx, id);
		const version = expectedVersion ?? row.version;
		if (version !== row.version) throw new ValidationError([m.stories_error_conflict({ version: row.version })]);
		const steps = change.steps ?? repo.stepsOf(tx, id);
		if (steps.length > MAX_STEPS) throw new ValidationError([m.stories_error_too_many_steps({ max: MAX_STEPS })]);
		if (!repo.updateStoryRow(tx, id, change.fields ?? {}, version)) throw new ValidationError([m.stories_error_conflict({ version: row.version })]);
		if (change.steps) repo.replaceSteps(tx, id, change.steps);
		const after = storyOrThrow(tx, id);
		repo.setFeaturedActors(tx, id, featured(tx, steps, after.intro));
		repo.insertStoryRevision(tx, {
			storyId: id,
			version: after.version,
			snapshot: snapshot(after, steps),
			authorUserId: editor.id,
			authorLabel: editor.displayName,
			reason
		});
		return after;
	});
}

/** A récit's id from its address (drafts included: the edit pages are the editors'). */
export function storyIdBySlug(db: Db, slug: string): number {
	const row = repo.storyBySlug(db, slug);
	if (!row) throw new NotFoundError(m.stories_error_not_found());
	return row.id;
}

export function createStory(db: Db, editor: AccountUser, values: unknown, firstView?: string): { id: number; slug: string } {
	assertEditor(editor);
	const input: StoryInput = validated(storyInputSchema, values);
	const step = firstView === undefined ? null : validated<StoryStepInput>(storyStepSchema, { text: '', view: firstView });
	return writeTransaction(db, (tx) => {
		const slug = freeSlug(tx, input.title);
		const id = repo.insertStory(tx, { ...input, slug, createdBy: editor.id, version: 0 });
		writeStory(tx, editor, id, { fields: {}, steps: step ? [{ text: '', view: step.view, frozenData: null }] : [] }, m.stories_reason_created(), 0);
		return { id, slug };
	});
}

export function updateStory(db: Db, editor: AccountUser, id: number, values: unknown, expectedVersion: number): void {
	assertEditor(editor);
	const input = validated(storyInputSchema, values);
	writeStory(db, editor, id, { fields: input }, m.stories_reason_edited(), expectedVersion);
}

const currentSteps = (db: Db, id: number): StepState[] => repo.stepsOf(db, id).map(({ text, view, frozenData }) => ({ text, view, frozenData }));

/** « Ajouter au récit »: the page's address becomes the last step (its text is written afterwards). */
export function addStep(db: Db, editor: AccountUser, id: number, values: unknown): { position: number } {
	assertEditor(editor);
	const step = validated<StoryStepInput>(storyStepSchema, values);
	const steps = currentSteps(db, id);
	writeStory(db, editor, id, { steps: [...steps, { text: step.text, view: step.view, frozenData: null }] }, m.stories_reason_step_added(), null);
	return { position: steps.length };
}

function stepAt(steps: StepState[], index: number): StepState {
	const step = steps[index];
	if (!step) throw new NotFoundError(m.stories_error_no_step({ n: index + 1 }));
	return step;
}

/** A step's text and view; a new view loses the frozen answers of the old one (they no longer match it). */
export function editStep(db: Db, editor: AccountUser, id: number, index: number, values: unknown, expectedVersion: number): void {
	assertEditor(editor);
	const input = validated<StoryStepInput>(storyStepSchema, values);
	const steps = currentSteps(db, id);
	const old = stepAt(steps, index);
	steps[index] = { text: input.text, view: input.view, frozenData: old.view === input.view ? old.frozenData : null };
	writeStory(db, editor, id, { steps }, m.stories_reason_step_edited({ n: index + 1 }), expectedVersion);
}

export function moveStep(db: Db, editor: AccountUser, id: number, index: number, by: -1 | 1, expectedVersion: number): void {
	assertEditor(editor);
	const steps = currentSteps(db, id);
	stepAt(steps, index);
	const to = index + by;
	if (to < 0 || to >= steps.length) return;
	[steps[index], steps[to]] = [steps[to] as StepState, steps[index] as StepState];
	writeStory(db, editor, id, { steps }, m.stories_reason_step_moved({ n: index + 1 }), expectedVersion);
}

export function removeStep(db: Db, editor: AccountUser, id: number, index: number, expectedVersion: number): void {
	assertEditor(editor);
	const steps = currentSteps(db, id);
	stepAt(steps, index);
	steps.splice(index, 1);
	writeStory(db, editor, id, { steps }, m.stories_reason_step_removed({ n: index + 1 }), expectedVersion);
}

/** brouillon → relu → publié (and back). A récit is published with at least one step; its first publication is dated. */
export function setStoryStatus(db: Db, editor: AccountUser, id: number, status: StoryStatus, expectedVersion: number): void {
	assertEditor(editor);
	const row = storyOrThrow(db, id);
	if (status === 'published' && repo.stepsOf(db, id).length === 0) throw new ValidationError([m.stories_error_publish_empty()]);
	const publishedAt = status === 'published' ? (row.publishedAt ?? new Date().toISOString()) : row.publishedAt;
	writeStory(db, editor, id, { fields: { status, publishedAt } }, m.stories_reason_status({ status }), expectedVersion);
}

/**
 * « Figer les données »: each step keeps the answers its view is drawn from (`answers[i]`, gathered by the route
 * from the site's own API), and the récit the day and graph revision they were read at.
 */
export function freezeStory(db: Db, editor: AccountUser, id: number, answers: (Record<string, string> | null)[], expectedVersion: number): void {
	assertEditor(editor);
	const steps = currentSteps(db, id).map((s, i) => ({ ...s, frozenData: answers[i] ? JSON.stringify(answers[i]) : null }));
	writeStory(
		db,
		editor,
		id,
		{ fields: { frozenAt: new Date().toISOString(), frozenRevision: graphRevision(db) }, steps },
		m.stories_reason_frozen(),
		expectedVersion
	);
}

export function unfreezeStory(db: Db, editor: AccountUser, id: number, expectedVersion: number): void {
	assertEditor(editor);
	const steps = currentSteps(db, id).map((s) => ({ ...s, frozenData: null }));
	writeStory(db, editor, id, { fields: { frozenAt: null, frozenRevision: null }, steps }, m.stories_reason_unfrozen(), expectedVersion);
}

export function deleteStory(db: Db, editor: AccountUser, id: number, expectedVersion: number): void {
	assertEditor(editor);
	writeStory(db, editor, id, { fields: { deletedAt: new Date().toISOString() } }, m.stories_reason_deleted(), expectedVersion);
}

export interface ReaderStep {
	index: number;
	html: string;
	view: StoryView;
	frozen: boolean;
}

/**
 * A récit as its reader sees it: published for everyone, any state for editors (a preview). Texts are Markdown
 * rendered and sanitised here; the views are parsed for the reader's map, graph and pictures.
 */
export function readStory(db: Db, slug: string, user: AccountUser | null) {
	const row = repo.storyBySlug(db, slug);
	if (!row || (row.status !== 'published' && !(user && isEditor(user)))) throw new NotFoundError(m.stories_error_not_found());
	const steps: ReaderStep[] = repo.stepsOf(db, row.id).flatMap((s, index) => {
		const view = parseStoryView(s.view);
		return view ? [{ index, html: renderMarkdown(s.text), view, frozen: s.frozenData !== null }] : [];
	});
	return {
		story: {
			id: row.id,
			slug: row.slug,
			title: row.title,
			subtitle: row.subtitle,
			author: row.author,
			coverUrl: row.coverUrl,
			introHtml: renderMarkdown(row.intro),
			status: row.status,
			frozenAt: row.frozenAt,
			publishedAt: row.publishedAt,
			updatedAt: row.updatedAt,
			isDemo: row.isDemo,
			version: row.version
		},
		steps,
		actors: repo.featuredActors(db, row.id)
	};
}

/** The answers frozen with one step ({ url: body }), for the reader's data layer; null when live. */
export function frozenAnswers(db: Db, slug: string, index: number, user: AccountUser | null): Record<string, string> | null {
	const row = repo.storyBySlug(db, slug);
	if (!row || (row.status !== 'published' && !(user && isEditor(user)))) throw new NotFoundError(m.stories_error_not_found());
	const step = repo.stepsOf(db, row.id)[index];
	if (!step) throw new NotFoundError(m.stories_error_no_step({ n: index + 1 }));
	return step.frozenData ? (JSON.parse(step.frozenData) as Record<string, string>) : null;
}

/** A frozen step's still picture (its SVG), or a 404 when the step shows today's data. */
export function frozenPicture(db: Db, slug: string, index: number, user: AccountUser | null): string {
	const svg = frozenAnswers(db, slug, stepNumber(index), user)?.[PICTURE];
	if (!svg) throw new NotFoundError(m.stories_error_no_step({ n: index + 1 }));
	return svg;
}

/** A frozen step's answers without its picture ({} when the step shows today's data). */
export function frozenStepAnswers(db: Db, slug: string, index: number, user: AccountUser | null): Record<string, string> {
	const { [PICTURE]: _picture, ...answers } = frozenAnswers(db, slug, stepNumber(index), user) ?? {};
	return answers;
}

function stepNumber(index: number): number {
	if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_STEPS) throw new NotFoundError(m.stories_error_no_step({ n: index + 1 }));
	return index;
}

export function storyForEditor(db: Db, editor: AccountUser, id: number) {
	assertEditor(editor);
	const row = storyOrThrow(db, id);
	return {
		story: row,
		steps: repo
			.stepsOf(db, id)
			.map((s, index) => ({ index, text: s.text, view: s.view, frozen: s.frozenData !== null, kind: parseStoryView(s.view)?.kind ?? null })),
		history: repo.storyRevisionsOf(db, id)
	};
}

/** The « Récits » index: published récits; editors also see drafts and reviewed ones. */
export function storyIndex(db: Db, user: AccountUser | null) {
	const editor = user !== null && isEditor(user);
	return { stories: repo.listStories(db, editor ? ['published', 'reviewed', 'draft'] : ['published']), editor };
}

/** Récits an editor may add a view to (« Ajouter au récit »): those not yet published first. */
export function storiesToAddTo(db: Db, editor: AccountUser) {
	assertEditor(editor);
	return repo.listStories(db, ['draft', 'reviewed', 'published'], true);
}

export function storiesFeaturing(db: Db, entityId: number) {
	return repo.storiesOfEntity(db, entityId);
}

/** What a past version said (the history's « voir »): editors only. */
export function storyVersion(db: Db, editor: AccountUser, id: number, version: number) {
	assertEditor(editor);
	const rev = repo.storyRevision(db, id, version);
	if (!rev) throw new NotFoundError(m.stories_error_no_version({ version }));
	return { ...rev, state: JSON.parse(rev.snapshot) as { title: string; steps: { text: string; view: string }[] } };
}
