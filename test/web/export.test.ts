import { describe, expect, it } from 'vitest';
import { toCsv } from '../../web/src/lib/export';

describe('CSV for Japanese Excel', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv(['名称', '不足', '備考'], [['特養「さくら」', '①,③', 'a "quoted" word'], ['老健', null, 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['名称,不足,備考', '特養「さくら」,"①,③","a ""quoted"" word"', '老健,,3', '']);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
  it('keeps text Excel would run as a formula as text, and numbers as numbers', () => {
    const csv = toCsv(['名称', '日数'], [['=HYPERLINK("http://x")', -5], ['@SUM(A1)', 3], ['+81-3', 0], ['-出張所', 1]]);
    expect(csv.slice(1).split('\r\n').slice(1, 5)).toEqual(['"\'=HYPERLINK(""http://x"")",-5', "'@SUM(A1),3", "'+81-3,0", "'-出張所,1"]);
  });
});
