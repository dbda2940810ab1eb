import { unzipSync } from 'fflate';
import { ApiFailure } from '../../errors';

/**
 * What a 届出書 upload may be, checked on the archive before any workbook is parsed (a zip bomb or a
 * cell at A1048576 would otherwise hold the server): at most 200 entries unpacking to 100 MB in all,
 * and worksheets within 20,000 rows and column ZZ. The form itself uses a few dozen rows.
 */
export const UPLOAD_LIMITS = { entries: 200, unpackedBytes: 100 * 1024 * 1024, rows: 20_000, columns: 702 /* ZZ */ } as const;

const tooLarge = (file: string, what: string) => new ApiFailure(413, 'payload_too_large', `${file}: ${what}; a 届出書 is far smaller`, [{ path: 'body', message: what }]);

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

export function assertUploadShape(bytes: Uint8Array, file: string): void {
  let entries = 0;
  let unpacked = 0;
  const sheets: string[] = [];
  try {
    // Sizes come from the central directory: nothing is inflated while counting.
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        unpacked += f.originalSize;
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) sheets.push(f.name);
        return false;
      },
    });
  } catch {
    return; // not a readable archive: the reader says so, naming the file
  }
  if (entries > UPLOAD_LIMITS.entries) throw tooLarge(file, `the archive holds ${entries} entries, expected at most ${UPLOAD_LIMITS.entries}`);
  if (unpacked > UPLOAD_LIMITS.unpackedBytes) throw tooLarge(file, `the archive unpacks to ${Math.round(unpacked / 1048576)} MB, expected at most ${UPLOAD_LIMITS.unpackedBytes / 1048576} MB`);
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (f) => sheets.includes(f.name) });
  } catch {
    return; // a damaged entry: the reader refuses the file, naming it
  }
  for (const name of sheets) {
    const xml = new TextDecoder().decode(inflated[name]);
    let maxRow = 0;
    let maxCol = 0;
    for (const m of xml.matchAll(/<c[^>]*\sr="([A-Z]+)(\d+)"/g)) {
      maxCol = Math.max(maxCol, columnNumber(m[1]!));
      maxRow = Math.max(maxRow, Number(m[2]));
    }
    if (maxRow > UPLOAD_LIMITS.rows || maxCol > UPLOAD_LIMITS.columns) {
      throw tooLarge(file, `${name} reaches row ${maxRow}, column ${maxCol}; expected within ${UPLOAD_LIMITS.rows} rows and column ZZ`);
    }
  }
}
