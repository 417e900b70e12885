import { describe, expect, it } from 'vitest';
import { parseWordList } from '../../../../src/domain/shared/word-list.js';

describe('parseWordList', () => {
  it.each([
    ['empty text', '', []],
    ['one entry, no newline', 'alpha', ['alpha']],
    ['LF lines', 'alpha\nbeta\n', ['alpha', 'beta']],
    ['CRLF lines', 'alpha\r\nbeta\r\n', ['alpha', 'beta']],
    ['old Mac CR lines', 'alpha\rbeta', ['alpha', 'beta']],
    ['blank and whitespace-only lines', '\n  \nalpha\n\t\nbeta\n\n', ['alpha', 'beta']],
    ['comments', '# header\nalpha\n  # indented comment\nbeta', ['alpha', 'beta']],
    ['surrounding whitespace trimmed', '  alpha \t\n\tbeta  ', ['alpha', 'beta']],
    ['a # inside an entry is kept', 'pass#word', ['pass#word']],
    ['leading BOM', '\uFEFFalpha\nbeta', ['alpha', 'beta']],
    ['order and duplicates kept', 'b\na\nb', ['b', 'a', 'b']],
  ])('%s', (_name, text, expected) => {
    expect(parseWordList(text)).toEqual(expected);
  });
});
