// Refusing input that is not text: a declared binary media type, NUL bytes, or bytes that decode
// to mostly control characters. Such input would otherwise be read as windows-1252 and stored as
// an "article" of noise. Returns the reason (one line) or null for text.

const TEXTUAL = /^(text\/|application\/([\w.+-]+\+)?(xml|json|xhtml\+xml|javascript|x-www-form-urlencoded)\b|application\/(rss|atom|rdf|feed)\b)/i;
const BINARY = /^(image|audio|video|font|model)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar|msword|vnd\.|x-msdownload|x-shockwave-flash|wasm)/i;

export function binaryReason(bytes: Uint8Array, contentType?: string | null): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type && BINARY.test(type)) return `not text (content type ${type})`;
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe);
  if (!utf16 && head.includes(0)) return `not text (binary data${type && !TEXTUAL.test(type) ? `, content type ${type}` : ''})`;
  if (utf16) return null;
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  // Real text has almost no C0 control bytes; random or compressed data has about one in nine.
  if (head.length >= 64 && control / head.length > 0.02) return 'not text (undecodable binary data)';
  return null;
}
