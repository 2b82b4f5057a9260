/**
 * An answer already written as JSON, for the API to send as it is. Node 20 has no `JSON.rawJSON`: an answer
 * whose heavy part is written once and reused (graph metrics) would otherwise be parsed back or written again.
 */
export class JsonText {
	constructor(readonly text: string) {}
}

/** The JSON text of an answer. */
export function jsonOf(answer: unknown): string {
	return answer instanceof JsonText ? answer.text : JSON.stringify(answer);
}
