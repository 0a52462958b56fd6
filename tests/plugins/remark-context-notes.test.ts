import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import remarkContextNotes from '../../src/markdown/remark-context-notes.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml, testRegistry } from '../support/markdown.ts';

const registry = testRegistry();
// Notes are recorded against the paragraph ids that remark-anchor-ids sets.
const check = (mdx: string) => run(mdx, { plugins: [remarkAnchorIds, [remarkContextNotes, { registry }]], summit: emptyAnnotations() });
const reject = (mdx: string) => failure(() => check(mdx));

describe('remark-context-notes', () => {
  it('records each note with the paragraph it follows and leaves it in place for the component', () => {
    const { tree, file } = check('<Note id="yongbyon" />\n\nFirst words.\n\n<Note id="six-party-talks" />\n\nSecond words.');
    expect(file.data.summit!.notes).toEqual([
      { id: 'yongbyon', after: undefined },
      { id: 'six-party-talks', after: 'p-first-words' },
    ]);
    expect(toHtml(tree, file)).toBe(
      '<Note id="yongbyon"></Note>\n<p id="p-first-words">First words.</p>\n<Note id="six-party-talks"></Note>\n<p id="p-second-words">Second words.</p>',
    );
  });

  it('fails on an unknown note, listing the known ones', () => {
    const message = reject('First words.\n\n<Note id="six-party-talk" />');
    expect(message.reason).toBe("Unknown note 'six-party-talk' in <Note id>. Write it in content/notes.yaml or fix the id (known: six-party-talks, yongbyon).");
    expect(message.line).toBe(3);
  });

  it('fails on a note placed twice in one article', () => {
    const message = reject('<Note id="yongbyon" />\n\nFirst words.\n\n<Note id="yongbyon" />');
    expect(message.reason).toBe('<Note id="yongbyon" /> is already placed in this article; a note appears once.');
    expect(message.line).toBe(5);
  });
});
