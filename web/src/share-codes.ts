/**
 * The share and embed codes of an image page: direct link, direct image link, HTML, Markdown and BBCode.
 * Pure string building, with the escaping each format needs, so it runs (and is tested) without a browser:
 * nothing here touches the DOM.
 */

export interface ShareInput {
  /** Absolute URL of the image page. */
  readonly pageUrl: string;
  /** Absolute URL of the picture (the `large` variant). */
  readonly imageUrl: string;
  /** Alt text, from the title. */
  readonly alt: string;
  readonly width?: number;
  readonly height?: number;
}

export type ShareCodeKind = 'link' | 'image' | 'html' | 'markdown' | 'bbcode';

export interface ShareCode {
  readonly kind: ShareCodeKind;
  readonly label: string;
  readonly value: string;
}

const HTML_ATTRIBUTE: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe inside a double- or single-quoted HTML attribute value (and in text). */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ATTRIBUTE[c] ?? c);
}

/**
 * Alt text for Markdown's `![alt](…)`: a backslash before `\`, `[` and `]` so the brackets cannot close the
 * label early (and a trailing backslash cannot escape the closing one); line breaks become spaces, since a
 * blank line would end the paragraph.
 */
export function escapeMarkdownAlt(value: string): string {
  return oneLine(value).replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** A URL as a Markdown link destination: spaces, `<`, `>` and parentheses percent-encoded so `)` cannot end it. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, percentEncode);
}

/** A URL inside BBCode: square brackets, quotes and spaces percent-encoded so they cannot close a tag. */
export function bbcodeUrl(url: string): string {
  return url.replace(/[[\]" ]/g, percentEncode);
}

export function shareCodes(input: ShareInput): ShareCode[] {
  const { pageUrl, imageUrl } = input;
  const size =
    input.width !== undefined && input.height !== undefined ? ` width="${input.width}" height="${input.height}"` : '';
  const html = `<a href="${escapeHtmlAttribute(pageUrl)}"><img src="${escapeHtmlAttribute(imageUrl)}" alt="${escapeHtmlAttribute(oneLine(input.alt))}"${size}></a>`;
  const markdown = `[![${escapeMarkdownAlt(input.alt)}](${markdownUrl(imageUrl)})](${markdownUrl(pageUrl)})`;
  const bbcode = `[url=${bbcodeUrl(pageUrl)}][img]${bbcodeUrl(imageUrl)}[/img][/url]`;
  return [
    { kind: 'link', label: 'Direct link', value: pageUrl },
    { kind: 'image', label: 'Direct image link', value: imageUrl },
    { kind: 'html', label: 'HTML', value: html },
    { kind: 'markdown', label: 'Markdown', value: markdown },
    { kind: 'bbcode', label: 'BBCode', value: bbcode },
  ];
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}

function percentEncode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
