// Wraps untrusted text as delimited data for a model prompt. The delimiter cannot be forged from
// inside: any tag that looks like ours is defanged, so article text can never close the block and
// pose as instructions.
export function dataBlock(tag: string, body: string, attrs: Record<string, string | number> = {}): string {
  const defang = (s: string) => s.replace(/<(\/?)\s*(article|passage|passages|data|title|system)\b/gi, '‹$1$2');
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${String(v).replace(/["<>]/g, '')}"`)
    .join('');
  return `<${tag}${a}>\n${defang(body)}\n</${tag}>`;
}
