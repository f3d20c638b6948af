import { encodeCursor } from '../../src/lib/cursor.ts';

// What a hostile client sends. Each value has a name, so a failure report says
// "body.title = 1 MB string" rather than printing a megabyte.

/** A JSON value, or JSON text spliced in as it is (what JSON.stringify cannot write: 1e309, `__proto__` keys). */
export type HostileJson = { name: string; value: unknown } | { name: string; raw: string };

const megabyte = 1024 * 1024;

function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Strings that break things: encodings, sizes, injections, look-alikes of numbers and dates. */
export const hostileStrings: { name: string; value: string }[] = [
  { name: 'empty string', value: '' },
  { name: 'blank string', value: '   ' },
  { name: 'NUL', value: 'a\u0000b' },
  { name: 'lone high surrogate', value: 'x\ud800' },
  { name: 'lone low surrogate', value: '\udfffy' },
  { name: 'BOM and right-to-left override', value: '\ufeff\u202eevil' },
  { name: 'zero-width and combining characters', value: 'a\u200b\u0301\u0301\u0301b' },
  { name: 'emoji sequence', value: '👩🏽‍💻🏳️‍🌈' },
  { name: 'control characters', value: '\u0001\u0007\u001b[31m\u007f' },
  { name: 'CRLF header injection', value: 'a\r\nSet-Cookie: tandem_session=x' },
  { name: '1 MB string', value: 'x'.repeat(megabyte) },
  { name: '200 kB string', value: 'y'.repeat(200_000) },
  { name: '100k astral characters', value: '😀'.repeat(100_000) },
  { name: '"NaN"', value: 'NaN' },
  { name: '"Infinity"', value: 'Infinity' },
  { name: '"1e308"', value: '1e308' },
  { name: '"-1"', value: '-1' },
  { name: '"0"', value: '0' },
  { name: '"2147483648"', value: '2147483648' },
  { name: '"9007199254740993"', value: '9007199254740993' },
  { name: '"0x10"', value: '0x10' },
  { name: '"00001"', value: '00001' },
  { name: '"1.5"', value: '1.5' },
  { name: '"null"', value: 'null' },
  { name: '"true"', value: 'true' },
  { name: '"[object Object]"', value: '[object Object]' },
  { name: '"__proto__"', value: '__proto__' },
  { name: 'SQL quote', value: "' OR '1'='1" },
  { name: 'SQL stacked query', value: '1; DROP TABLE tickets; --' },
  { name: 'SQL sleep', value: "'); SELECT pg_sleep(10); --" },
  { name: 'SQL LIKE wildcards', value: "%_%' OR '%'='" },
  { name: 'full-text query syntax', value: "a & !b | (c:* <-> 'd'" },
  { name: 'backslashes', value: '\\\\\\"\\u0000' },
  { name: 'script tag', value: '<script>alert(1)</script>' },
  { name: 'img onerror', value: '"><img src=x onerror=alert(1)>' },
  { name: 'javascript: URL', value: 'javascript:alert(document.cookie)' },
  { name: 'template injection', value: '{{constructor.constructor("return process")()}} ${7*7} {{7*7}}' },
  { name: 'path traversal', value: '../../../../etc/passwd' },
  { name: 'date 30 February', value: '2026-02-30T00:00:00Z' },
  { name: 'date far future', value: '+275760-09-13T00:00:00.000Z' },
  { name: 'date year 0', value: '0000-01-01T00:00:00Z' },
  { name: 'date-like garbage', value: '2026-13-45T99:99:99Z' },
  { name: 'not an e-mail', value: '"@"@@example' },
];

/** JSON values of the wrong type or at the edge of a number's range, plus structures that exhaust parsers. */
export const hostileJson: HostileJson[] = [
  { name: 'null', value: null },
  { name: 'true', value: true },
  { name: 'empty array', value: [] },
  { name: 'empty object', value: {} },
  { name: '0', value: 0 },
  { name: '-1', value: -1 },
  { name: '1.5', value: 1.5 },
  { name: '2^31', value: 2 ** 31 },
  { name: '-2^31 - 1', value: -(2 ** 31) - 1 },
  { name: '2^53 + 1', raw: '9007199254740993' },
  { name: '1e308', value: 1e308 },
  { name: '-1e308', value: -1e308 },
  { name: '1e309 (Infinity when parsed)', raw: '1e309' },
  { name: '5e-324', value: 5e-324 },
  { name: '-0', raw: '-0' },
  { name: 'a 40-digit number', raw: '1234567890123456789012345678901234567890' },
  { name: '__proto__ object', raw: '{"__proto__":{"polluted":"yes","admin":true}}' },
  { name: 'constructor.prototype object', raw: '{"constructor":{"prototype":{"polluted":"yes"}}}' },
  { name: 'prototype key', raw: '{"prototype":{"polluted":"yes"}}' },
  { name: 'array nested 1000 deep', raw: nested(1000, '[', ']', '1') },
  { name: 'object nested 1000 deep', raw: nested(1000, '{"a":', '}', '1') },
  { name: '10,000 numbers', value: Array.from({ length: 10_000 }, (_, index) => index + 1) },
  { name: '1,000 strings', value: Array.from({ length: 1_000 }, (_, index) => `s${index}`) },
  { name: 'array of objects with NUL keys', raw: '[{"\\u0000":1}]' },
  ...hostileStrings.map((text) => ({ name: `string: ${text.name}`, value: text.value })),
];

/** Cursors a client could forge: right shape wrong types, injections inside the decoded key, not base64 at all. */
export const hostileCursors: { name: string; value: string }[] = [
  { name: 'cursor of NUL text', value: encodeCursor(['a\u0000b', 5]) },
  { name: 'cursor of lone surrogate', value: encodeCursor(['\ud800', 5]) },
  { name: 'cursor with SQL', value: encodeCursor(["' OR 1=1 --", 5]) },
  { name: 'cursor of 1,000 characters', value: encodeCursor(['z'.repeat(1000), 5]).slice(0, 500) },
  { name: 'cursor with 1e308', value: encodeCursor([1e308, 5]) },
  { name: 'cursor with -1', value: encodeCursor([-1, -1]) },
  { name: 'cursor with 2^31', value: encodeCursor([2 ** 31, 2 ** 31]) },
  { name: 'cursor with fraction', value: encodeCursor([1.5, 2.5]) },
  { name: 'cursor with a non-date', value: encodeCursor(['yesterday', 5]) },
  { name: 'cursor of infinity', value: encodeCursor(['infinity', 5]) },
  { name: 'cursor of an empty array', value: Buffer.from('[]').toString('base64url') },
  { name: 'cursor of an object', value: Buffer.from('{"__proto__":{"x":1}}').toString('base64url') },
  { name: 'cursor of nested arrays', value: Buffer.from('[[[[1]]],[2]]').toString('base64url') },
  { name: 'cursor of null', value: Buffer.from('[null,null]').toString('base64url') },
  {
    name: 'cursor of invalid UTF-8',
    value: Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x2c, 0x31, 0x5d]).toString('base64url'),
  },
  { name: 'cursor not base64', value: '!!!not-a-cursor!!!' },
  { name: 'cursor too long', value: 'A'.repeat(600) },
];

/**
 * Query and path values as text. `encoded` values are sent as they are
 * (already percent-encoded: malformed escapes, bytes that are not UTF-8);
 * the rest go through encodeURIComponent.
 */
export const hostileUrlValues: { name: string; value: string; encoded?: boolean }[] = [
  ...hostileStrings.filter((text) => !text.name.startsWith('lone') && !text.name.includes('astral')),
  { name: '99999999999', value: '99999999999' },
  { name: '1e3', value: '1e3' },
  { name: '" 1"', value: ' 1' },
  { name: '"+1"', value: '+1' },
  { name: 'comma list with a gap', value: '1,,2' },
  { name: 'lone surrogate (WTF-8 bytes)', value: '%ED%A0%80', encoded: true },
  { name: 'invalid UTF-8 bytes', value: '%FF%FE', encoded: true },
  { name: 'malformed escape', value: '%E0%A4%A', encoded: true },
  { name: 'lone percent', value: '%', encoded: true },
  { name: 'encoded slash', value: '1%2F..%2F..%2Fetc', encoded: true },
  { name: 'encoded NUL', value: '1%00', encoded: true },
  { name: 'array brackets', value: 'a[]=1', encoded: true },
];

/** A well-formed upload: one small text file, published internally. */
export function validMultipart(boundary: string): { body: Buffer; contentType: string } {
  return {
    body: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="publishLevel"\r\n\r\ninternal\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fuzz.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    ),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Multipart bodies for the upload route: valid framing with hostile parts, and broken framing. */
export function hostileMultipart(boundary: string): { name: string; body: Buffer; contentType: string }[] {
  const part = (headers: string, content: string | Buffer) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from('\r\n'),
    ]);
  const end = Buffer.from(`--${boundary}--\r\n`);
  const type = `multipart/form-data; boundary=${boundary}`;
  const file = (name: string) =>
    part(
      `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain`,
      'hello',
    );
  return [
    { name: 'file name with NUL', body: Buffer.concat([file('a\u0000.txt'), end]), contentType: type },
    {
      name: 'file name traversal',
      body: Buffer.concat([file('../../../../etc/passwd'), end]),
      contentType: type,
    },
    { name: 'file name of 100 kB', body: Buffer.concat([file('n'.repeat(100_000)), end]), contentType: type },
    {
      name: 'file name with script',
      body: Buffer.concat([file('<script>alert(1)</script>.html'), end]),
      contentType: type,
    },
    {
      name: 'file name invalid UTF-8',
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('.txt"\r\n\r\nx\r\n'),
        end,
      ]),
      contentType: type,
    },
    {
      name: 'publish level NUL',
      body: Buffer.concat([
        part('Content-Disposition: form-data; name="publishLevel"', 'inter\u0000nal'),
        file('a.txt'),
        end,
      ]),
      contentType: type,
    },
    {
      name: 'unknown field __proto__',
      body: Buffer.concat([
        part('Content-Disposition: form-data; name="__proto__"', '{"polluted":"yes"}'),
        file('a.txt'),
        end,
      ]),
      contentType: type,
    },
    {
      name: 'two files',
      body: Buffer.concat([file('a.txt'), file('b.txt'), end]),
      contentType: type,
    },
    {
      name: 'no file part',
      body: Buffer.concat([part('Content-Disposition: form-data; name="x"', 'y'), end]),
      contentType: type,
    },
    { name: 'truncated', body: file('a.txt').subarray(0, 40), contentType: type },
    {
      name: 'no boundary in content type',
      body: Buffer.concat([file('a.txt'), end]),
      contentType: 'multipart/form-data',
    },
    { name: 'empty body', body: Buffer.alloc(0), contentType: type },
  ];
}
