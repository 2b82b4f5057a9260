/**
 * `npm run import:doc`: writes docs/import-columns.md from the tables the importer reads (column names,
 * presets, category words). A test fails when the committed file is not the one this writes.
 */
import { writeFileSync } from 'node:fs';
import { columnsDoc } from '../src/lib/server/import/columns-doc';

const OUT = 'docs/import-columns.md';
writeFileSync(OUT, columnsDoc());
console.log(`${OUT} écrit.`);
