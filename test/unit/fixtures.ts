/** Fixture files for unit tests, read from test/fixtures (built from ../shared/samples). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const readFixture = (name: string): string =>
  readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');
