import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Real government files live beside the project (../shared/data), never inside it.
 * REAL_DATA_DIR overrides the location. Tests that need them skip — saying why — when absent.
 */
export const REAL_DATA_DIR = resolve(process.env.REAL_DATA_DIR ?? '../shared/data');
export const hasRealData = existsSync(resolve(REAL_DATA_DIR, 'tottori'));
export const realDataSkipReason = `real data not found at ${REAL_DATA_DIR} (set REAL_DATA_DIR to the folder holding tottori/)`;
if (!hasRealData) console.warn(`Skipping real-data tests: ${realDataSkipReason}`);

export const realPath = (...parts: string[]) => resolve(REAL_DATA_DIR, ...parts);
