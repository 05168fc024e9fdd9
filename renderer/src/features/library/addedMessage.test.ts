import { describe, expect, it } from 'vitest';
import { describeAdded, mergeAdded, NONE } from './addedMessage';

describe('what an add says', () => {
  it('names the files added and those already there', () => {
    const r = describeAdded({
      files: [
        { name: 'a.md', isNew: true },
        { name: 'b.epub', isNew: false },
      ],
      folders: [],
      refused: [],
    });
    expect(r).toEqual({ tone: 'info', text: 'Added 1 file to the Offprint library: a.md. Already in the Offprint library: b.epub.' });
  });

  it('is an error when everything was refused, and gives each reason once', () => {
    const r = describeAdded({ ...NONE, refused: [{ name: 'x.jpg', reason: 'x.jpg is not a format Offprint reads.' }] });
    expect(r).toEqual({ tone: 'error', text: 'Not added: x.jpg is not a format Offprint reads.' });
  });

  it('shortens a long list of names', () => {
    const files = ['1.md', '2.md', '3.md', '4.md', '5.md'].map((name) => ({ name, isNew: true }));
    expect(describeAdded({ ...NONE, files }).text).toBe('Added 5 files to the Offprint library: 1.md, 2.md, 3.md and 2 more.');
  });

  it('merges several uploads’ outcomes in order', () => {
    const a = { ...NONE, files: [{ name: 'a.md', isNew: true }] };
    const b = { ...NONE, refused: [{ name: 'b.exe', reason: 'no' }] };
    expect(mergeAdded(a, b)).toEqual({ files: [{ name: 'a.md', isNew: true }], folders: [], refused: [{ name: 'b.exe', reason: 'no' }] });
  });
});
