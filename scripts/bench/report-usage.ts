import { writeSync } from 'node:fs';

/**
 * Preloaded (`node --import`) into a process the benchmarks time as a user runs it: at exit it
 * writes the process's peak resident memory to standard error as one JSON line.
 */
process.on('exit', () => {
  writeSync(2, `\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
