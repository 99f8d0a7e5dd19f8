// Decoding fetched bytes to text. Order of evidence: a byte-order mark (unambiguous, as in the
// WHATWG encoding standard), then the Content-Type charset, then the XML declaration, then an HTML
// <meta> charset, then UTF-8. Unknown labels fall back to UTF-8 with a warning instead of failing,
// and bytes that are not valid UTF-8 where UTF-8 was assumed or declared are read as windows-1252
// (the usual real-world mislabel), also with a warning.
import { debugLog } from '../debug-log.ts';

export interface Decoded {
  text: string;
  /** The WHATWG encoding name actually used, e.g. "utf-8", "windows-1252". */
  charset: string;
  warnings: string[];
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2] ?? null;
}

/** Looks for an encoding declaration in the first 1 KB, read as ASCII. */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch (err) {
    debugLog('no decoder for charset %s: %s', label, err);
    return null;
  }
}

// Node 20's TextDecoder decodes windows-1252 (and its aliases latin1/iso-8859-1/ascii) as plain
// ISO-8859-1, leaving 0x80-0x9F as C1 control characters. The WHATWG mapping for those bytes:
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * C1 control characters in text are windows-1252 punctuation read as ISO-8859-1 (or written as
 * `&#150;`-style references); no real text means the control character.
 */
export function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixC1(text) : text;
}

export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const warnings: string[] = [];
  const label = bomCharset(bytes) ?? charsetFromContentType(contentType) ?? charsetFromMarkup(bytes);
  let decoder = label ? decoderFor(label) : null;
  if (label && !decoder) warnings.push(`unknown charset "${label}", read as utf-8`);
  decoder ??= new TextDecoder('utf-8');
  if (decoder.encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', warnings };
    } catch {
      warnings.push(`body is not valid utf-8${label ? ` (declared "${label}")` : ''}, read as windows-1252`);
      return { text: decodeWith(new TextDecoder('windows-1252'), bytes), charset: 'windows-1252', warnings };
    }
  }
  return { text: decodeWith(decoder, bytes), charset: decoder.encoding, warnings };
}
