/** A file the server answers with (exports, the agenda, images): what it holds and how the browser should take it. */
export interface FileBody {
	body: string;
	contentType: string;
	/** Plain ASCII file name offered to the browser's download. */
	filename: string;
	/** Shown by the browser (an image in the page) rather than offered as a download. */
	inline?: boolean;
}
