/**
 * Official files come as UTF-8 with a BOM, UTF-8 without one (re-typed copies), or Shift_JIS
 * (older downloads). Strict UTF-8 first; if that fails the bytes are Shift_JIS (Windows-31J).
 */
export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'shift_jis';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
