// Writes src/fonts/advance-widths.json from the bundled TTFs: run after a font package update.
import { writeFileSync } from 'node:fs';
import { advanceWidthTables, advanceWidthsJson } from './advance-width-tables.ts';

const target = new URL('../src/fonts/advance-widths.json', import.meta.url);
writeFileSync(target, advanceWidthsJson(advanceWidthTables()));
console.log(`wrote ${target.pathname}`);
