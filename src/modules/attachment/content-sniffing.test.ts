import { describe, expect, it } from 'vitest';
import { isInlineSafe, sniffContentType } from './content-sniffing.ts';
import { contentDisposition, sanitiseFileName } from './file-name.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );
const zipEntry = (name: string) =>
  bytes([0x50, 0x4b, 0x03, 0x04], '\u0014\u0000\u0000\u0000', name, 'compressed');

describe('sniffContentType', () => {
  it.each([
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['gif87a', bytes('GIF87a', [1, 0]), 'image/gif'],
    ['gif89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['riff that is not webp', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'application/octet-stream'],
    ['pdf', bytes('%PDF-1.7\n%', [0xe2, 0xe3]), 'application/pdf'],
    [
      'docx',
      Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'xlsx',
      Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('xl/workbook.xml')]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['zip', zipEntry('notes.txt'), 'application/zip'],
    ['empty zip', bytes([0x50, 0x4b, 0x05, 0x06], [0, 0, 0, 0]), 'application/zip'],
    ['utf-8 text', Buffer.from('Grüße, 你好\r\n\tline two'), 'text/plain; charset=utf-8'],
    ['html is just text', Buffer.from('<html><script>alert(1)</script>'), 'text/plain; charset=utf-8'],
    ['latin-1 bytes', bytes('caf', [0xe9]), 'application/octet-stream'],
    ['binary', bytes([0x00, 0x01, 0x02, 0x03]), 'application/octet-stream'],
    ['empty', Buffer.alloc(0), 'application/octet-stream'],
  ])('%s', (_name, input, expected) => {
    expect(sniffContentType(input)).toBe(expected);
  });

  it('judges long text by its start, even when the sample ends inside a character', () => {
    const text = Buffer.from('ä'.repeat(40_000)); // 80,000 bytes; the 64 KiB sample ends mid-character half the time
    expect(sniffContentType(text)).toBe('text/plain; charset=utf-8');
    expect(sniffContentType(Buffer.concat([Buffer.from('a'), text]))).toBe('text/plain; charset=utf-8');
  });

  it('shows only images and PDFs inline', () => {
    expect(isInlineSafe('image/png')).toBe(true);
    expect(isInlineSafe('application/pdf')).toBe(true);
    expect(isInlineSafe('text/plain; charset=utf-8')).toBe(false);
    expect(isInlineSafe('application/octet-stream')).toBe(false);
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Desktop\\scan.png', 'scan.png'],
    ['.htaccess', 'htaccess'],
    ['  spaced   out  name .txt ', 'spaced out name .txt'],
    ['invoice\u202egpj.exe', 'invoice_gpj.exe'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['tab\there\u0000.txt', 'tab_here_.txt'],
    ['', 'attachment'],
    [undefined, 'attachment'],
    ['...', 'attachment'],
    ['e\u0301.txt', 'é.txt'],
  ])('%j → %j', (claimed, expected) => {
    expect(sanitiseFileName(claimed)).toBe(expected);
  });

  it('shortens long names to 200 characters and keeps the extension', () => {
    const name = sanitiseFileName(`${'x'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
    expect(sanitiseFileName('👍🏽'.repeat(250))).toBe('👍🏽'.repeat(200));
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Grüße (final) "v2".txt')).toBe(
      `attachment; filename="Gr__e (final) _v2_.txt"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%28final%29%20%22v2%22.txt`,
    );
  });
});
