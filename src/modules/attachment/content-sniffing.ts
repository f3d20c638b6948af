/**
 * The content type of an upload, read from its bytes. The client's claimed
 * type is never trusted: a page named "invoice.pdf" that is really HTML must
 * not be served as anything a browser would run. Anything not recognised is
 * application/octet-stream, which browsers only ever download.
 */

const octetStream = 'application/octet-stream';

/** Office Open XML files are zip archives; their part names (stored uncompressed) tell the kind. */
const officeTypes: [partName: string, contentType: string][] = [
  ['word/document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/presentation', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return (
    bytes.length >= offset + signature.length &&
    signature.every((byte, index) => bytes[offset + index] === byte)
  );
}

const ascii = (text: string): number[] => Array.from(Buffer.from(text, 'latin1'));

const signatures: [signature: readonly number[], contentType: string][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [ascii('GIF87a'), 'image/gif'],
  [ascii('GIF89a'), 'image/gif'],
  [ascii('%PDF-'), 'application/pdf'],
];

function zipType(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('[Content_Types].xml')) {
    const office = officeTypes.find(([partName]) => buffer.includes(partName));
    if (office) return office[1];
  }
  return 'application/zip';
}

const sampleBytes = 64 * 1024;

/** UTF-8 text without binary control characters (NUL and friends), judged by its first 64 KiB. */
function isPlainText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, sampleBytes);
  for (const byte of sample) {
    const allowedControl = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x1b;
    if ((byte < 0x20 && !allowedControl) || byte === 0x7f) return false;
  }
  try {
    // A cut sample may end inside a multi-byte character; `stream` keeps those bytes instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    return true;
  } catch {
    return false;
  }
}

export function sniffContentType(bytes: Uint8Array): string {
  for (const [signature, contentType] of signatures) {
    if (startsWith(bytes, signature)) return contentType;
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return zipType(bytes);
  }
  if (bytes.length > 0 && isPlainText(bytes)) return 'text/plain; charset=utf-8';
  return octetStream;
}

/** Types a browser may show in the page (with nosniff); everything else is downloaded. */
export function isInlineSafe(contentType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(contentType);
}
