const maxLength = 200;

// Control characters, bidirectional overrides (which can disguise "exe.pdf" as "fdp.exe"),
// and characters that are not allowed in Windows file names.
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters, so shortening never splits one. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/**
 * A file name that is safe to store, show and send back in Content-Disposition:
 * no folders, no control or direction characters, no leading dots, at most
 * 200 characters with the extension kept. It is only ever a label — storage
 * keys are random and never derived from it.
 */
export function sanitiseFileName(claimed: string | undefined): string {
  const base = (claimed ?? '').normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .replace(unsafeCharacters, '_')
    .replace(loneSurrogates, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (cleaned.length === 0) return 'attachment';
  const characters = graphemes(cleaned);
  if (characters.length <= maxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return characters.slice(0, maxLength - graphemes(extension).length).join('') + extension;
}

/** Content-Disposition with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
