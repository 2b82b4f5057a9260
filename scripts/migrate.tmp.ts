import { openDb } from '../src/lib/server/db/index';
const t = performance.now();
const db = openDb(process.argv[2]!);
console.log('open+migrate ms', Math.round(performance.now() - t));
db.$client.close();
