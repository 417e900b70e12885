/**
 * The image page's pure modules, in Node: share and embed codes with each format's escaping, and the
 * previous/next list the page offers when it was opened from a grid.
 */
import { describe, expect, it } from 'vitest';
import { bbcodeUrl, escapeHtmlAttribute, escapeMarkdownAlt, markdownUrl, shareCodes } from '../../../web/src/share-codes.js';
import { forget, neighbours, rememberList } from '../../../web/src/browse-context.js';

const PAGE = 'https://img.example/images/0190a1b2-0000-7000-8000-000000000001';
const IMG = 'https://img.example/api/v1/images/0190a1b2-0000-7000-8000-000000000001/variants/large';

const codeOf = (codes: ReturnType<typeof shareCodes>, kind: string) => codes.find((c) => c.kind === kind)?.value;

describe('share codes', () => {
  it('builds the five codes in order, with the page and image links verbatim', () => {
    const codes = shareCodes({ pageUrl: PAGE, imageUrl: IMG, alt: 'Harbour at dusk', width: 1200, height: 800 });
    expect(codes.map((c) => c.kind)).toEqual(['link', 'image', 'html', 'markdown', 'bbcode']);
    expect(codeOf(codes, 'link')).toBe(PAGE);
    expect(codeOf(codes, 'image')).toBe(IMG);
    expect(codeOf(codes, 'html')).toBe(`<a href="${PAGE}"><img src="${IMG}" alt="Harbour at dusk" width="1200" height="800"></a>`);
    expect(codeOf(codes, 'markdown')).toBe(`[![Harbour at dusk](${IMG})](${PAGE})`);
    expect(codeOf(codes, 'bbcode')).toBe(`[url=${PAGE}][img]${IMG}[/img][/url]`);
  });

  it('leaves the size out of the HTML when it is unknown', () => {
    expect(codeOf(shareCodes({ pageUrl: PAGE, imageUrl: IMG, alt: 'x' }), 'html')).toBe(`<a href="${PAGE}"><img src="${IMG}" alt="x"></a>`);
  });

  it('escapes a hostile title for an HTML attribute: quotes, angle brackets and ampersands', () => {
    const title = `Say "hi" & <script>alert('x')</script>`;
    const html = codeOf(shareCodes({ pageUrl: PAGE, imageUrl: IMG, alt: title }), 'html');
    expect(html).toBe(`<a href="${PAGE}"><img src="${IMG}" alt="Say &quot;hi&quot; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"></a>`);
    expect(escapeHtmlAttribute(`&amp;`)).toBe('&amp;amp;');
  });

  it('escapes ampersands in URLs inside HTML attributes (signed URLs carry a query)', () => {
    const signed = `${IMG}?exp=1700000000&sig=abc`;
    expect(codeOf(shareCodes({ pageUrl: PAGE, imageUrl: signed, alt: 'a' }), 'html')).toContain(`src="${IMG}?exp=1700000000&amp;sig=abc"`);
  });

  it('escapes brackets and backslashes in Markdown alt text, and keeps it on one line', () => {
    expect(escapeMarkdownAlt('[a] b\\')).toBe('\\[a\\] b\\\\');
    expect(escapeMarkdownAlt('one\n\ntwo')).toBe('one two');
    expect(codeOf(shareCodes({ pageUrl: PAGE, imageUrl: IMG, alt: 'The [best] view' }), 'markdown')).toBe(`[![The \\[best\\] view](${IMG})](${PAGE})`);
  });

  it('percent-encodes what would end a Markdown link destination or a BBCode tag', () => {
    expect(markdownUrl('https://x.example/a (b)/<c>')).toBe('https://x.example/a%20%28b%29/%3Cc%3E');
    expect(bbcodeUrl('https://x.example/[img]"x" y')).toBe('https://x.example/%5Bimg%5D%22x%22%20y');
  });

  it('flattens line breaks in the HTML alt text', () => {
    expect(codeOf(shareCodes({ pageUrl: PAGE, imageUrl: IMG, alt: 'a\r\nb' }), 'html')).toContain('alt="a b"');
  });
});

describe('browse context', () => {
  it('gives the neighbours of an image in the remembered list', () => {
    rememberList(['a', 'b', 'c']);
    expect(neighbours('a')).toEqual({ prev: null, next: 'b' });
    expect(neighbours('b')).toEqual({ prev: 'a', next: 'c' });
    expect(neighbours('c')).toEqual({ prev: 'b', next: null });
  });

  it('has no neighbours for an image outside the list, or in a list of one', () => {
    rememberList(['a', 'b']);
    expect(neighbours('z')).toEqual({ prev: null, next: null });
    rememberList(['only']);
    expect(neighbours('only')).toEqual({ prev: null, next: null });
  });

  it('replaces the list on each call, keeps the first place of a repeated id, and skips forgotten images', () => {
    rememberList(['a', 'b', 'c']);
    rememberList(['x', 'y', 'x', 'z']);
    expect(neighbours('b')).toEqual({ prev: null, next: null });
    expect(neighbours('y')).toEqual({ prev: 'x', next: 'z' });
    forget('y');
    expect(neighbours('x')).toEqual({ prev: null, next: 'z' });
  });
});
