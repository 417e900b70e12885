import { describe, expect, it } from 'vitest';
import { commentContent, commentDeleter, COMMENT_MAX_LENGTH } from '../../../../src/domain/social/comment.js';
import { ValidationError } from '../../../../src/domain/shared/errors.js';

const problemOf = (raw: unknown): string | undefined => {
  try {
    commentContent(raw);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(['content']);
    return fields[0]?.message;
  }
};

describe('commentContent', () => {
  it.each([
    ['trims and composes to NFC', '  cafe\u0301 ', 'café'],
    ['turns CRLF into LF, keeps tabs', 'a\r\n\tb', 'a\n\tb'],
    ['keeps markup verbatim', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['counts astral characters once', '😀'.repeat(COMMENT_MAX_LENGTH), '😀'.repeat(COMMENT_MAX_LENGTH)],
  ])('%s', (_name, raw, stored) => {
    expect(commentContent(raw)).toBe(stored);
  });

  it.each([
    ['empty after trimming', ' \n ', 'must not be empty'],
    ['too long', 'x'.repeat(COMMENT_MAX_LENGTH + 1), 'must be at most 1000 characters'],
    ['a C0 control character', 'a\u0000b', 'must not contain control characters'],
    ['a C1 control character', 'a\u0085b', 'must not contain control characters'],
    ['a lone CR', 'a\rb', 'must not contain control characters'],
    ['a lone surrogate', 'a\ud800b', 'must be valid Unicode text'],
    ['missing', undefined, 'is required'],
    ['not a string', 42, 'must be a string'],
  ])('refuses %s', (_name, raw, message) => {
    expect(problemOf(raw)).toBe(message);
  });
});

describe('commentDeleter', () => {
  const comment = { authorId: 'author' };
  it.each([
    ['the author', { userId: 'author', role: 'user' as const }, 'author'],
    ['the author, also staff (not audited)', { userId: 'author', role: 'admin' as const }, 'author'],
    ['a moderator', { userId: 'mod', role: 'moderator' as const }, 'staff'],
    ['staff owning the image (still audited)', { userId: 'owner', role: 'admin' as const }, 'staff'],
    ['the image owner', { userId: 'owner', role: 'user' as const }, 'image_owner'],
    ['anyone else', { userId: 'other', role: 'user' as const }, null],
  ])('%s → %s', (_name, actor, expected) => {
    expect(commentDeleter(actor, comment, 'owner')).toBe(expected);
  });
});
