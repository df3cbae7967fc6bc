import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../lib/text';
import { collapseWhitespace } from '../../../lib/sources/jo/plain-text';

describe('collapseWhitespace', () => {
  it('gives what cleanText gives, on every mix of whitespace', () => {
    const pieces = ['a', 'é', ' ', '  ', '\u00a0', '\u202f', '\u2009', '\u200b', '\n', '\r\n', '\t', '\u2029', 'b'];
    let checked = 0;
    for (const first of pieces) for (const second of pieces) for (const third of pieces) {
      const text = `${first}x${second}${third}y${third}`;
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(cleanText(text));
      checked++;
    }
    expect(checked).toBe(pieces.length ** 3);
  });
});
