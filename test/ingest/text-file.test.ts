import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalFileError, listFolder, parseTextArticle, readLocalFile } from '../../src/ingest/text-file.ts';
import { stripBoilerplateText } from '../../src/ingest/boilerplate.ts';

const dir = fileURLToPath(new URL('../fixtures/pages/folder', import.meta.url));

describe('local text files', () => {
  it('reads header lines, the title line and paragraphs, and strips trailing boilerplate', async () => {
    const doc = await readLocalFile(`${dir}/01-quay-market.txt`, 1_000_000);
    expect(doc).toMatchObject({
      kind: 'article',
      title: 'Quay market gets a roof at last',
      outlet: 'Millbrook Gazette',
      byline: 'Petra Lind',
      text:
        'After eleven years of rain-soaked Saturdays, the Quay market will finally get a roof, the town council confirmed on Monday. The work starts in September.\n\n' +
        '"Our traders have earned this," said market manager Tomas Holt.',
    });
    expect(doc.kind === 'article' && doc.publishedAt?.toISOString()).toBe('2025-05-20T09:00:00.000Z');
  });

  it('reduces Markdown to text and uses the file time when no date is given', async () => {
    const doc = await readLocalFile(`${dir}/nested/02-orchard.md`, 1_000_000);
    expect(doc.kind).toBe('article');
    if (doc.kind !== 'article') return;
    expect(doc.title).toBe('Orchard growers expect an early harvest');
    expect(doc.text).toBe(
      "Growers in the valley expect apples by August, according to the growers' guild.\n\n\"We have never seen blossom this early,\" said grower Jonas Fell.",
    );
    expect(doc.publishedAt).toBeInstanceOf(Date);
  });

  it('lists the readable files of a folder recursively, skipping hidden and unknown files', async () => {
    const files = await listFolder(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['01-quay-market.txt', 'nested/02-orchard.md']);
  });

  it('reports a missing file as a LocalFileError', async () => {
    await expect(readLocalFile(`${dir}/nope.txt`, 1000)).rejects.toThrow(LocalFileError);
    await expect(readLocalFile(`${dir}/nope.txt`, 1000)).rejects.toThrow(/no such file/);
  });

  it('keeps a plain text without a title line body-less rather than failing', () => {
    expect(parseTextArticle('Only a title', 'file:///x.txt', false)).toMatchObject({ title: 'Only a title', text: '' });
    expect(parseTextArticle('', 'file:///x.txt', false)).toMatchObject({ title: '', text: '' });
  });
});

describe('stripBoilerplateText', () => {
  it('removes trailing copyright, related links, subscribe prompts and photo credits but keeps prose', () => {
    const text = [
      'First paragraph of the story.',
      'Photo credit: Ana Serra',
      '"Read more books," the librarian said, and the council agreed to extend opening hours.',
      'Third paragraph.',
      'Related: Bridge repairs begin',
      'Lighthouse reopens',
      'Subscribe to our daily newsletter',
      'Copyright 2025 Fen & Marsh Weekly',
    ].join('\n\n');
    expect(stripBoilerplateText(text)).toBe(
      'First paragraph of the story.\n\n"Read more books," the librarian said, and the council agreed to extend opening hours.\n\nThird paragraph.',
    );
  });
});
