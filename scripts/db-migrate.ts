import { databasePath, openDb } from '../src/lib/server/db/index';

const path = databasePath();
openDb(path).$client.close();
console.log(`Migrations appliquées à ${path}.`);
