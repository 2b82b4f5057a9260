import { detectAndDecode } from '$lib/import/detect-encoding';
import { spreadsheetFormat, workbookText } from './spreadsheet-table';

/**
 * The text an uploaded file holds, for the GDPR search of a person's name among stored import files: a
 * workbook's cells (its bytes are compressed), a text file as the importer reads it, and when its encoding
 * is doubtful every reading, so that « Clémentel » is found in a DOS 850 file whichever reading is right.
 */
export function importFileText(bytes: Uint8Array): string {
	if (spreadsheetFormat(bytes)) return workbookText(bytes);
	const decoded = detectAndDecode(bytes);
	if (!decoded.doubtful) return decoded.text;
	return [decoded.text, ...decoded.candidates.map((c) => detectAndDecode(bytes, c.encoding).text)].join('\n');
}
