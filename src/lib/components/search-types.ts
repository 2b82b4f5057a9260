import type { z } from 'zod';
import type { searchResponse } from '$lib/domain/api/responses';

/**
 * The answer of /api/v1/search, as the search box and the actor picker read it: the type of the schema the
 * OpenAPI document publishes and the API test parses every real answer with, so the suggestions cannot drift
 * from the answer.
 */
export type SearchResponse = z.output<typeof searchResponse>;
export type SearchItem = SearchResponse['items'][number];
