import { open } from 'node:fs/promises';
import unzipper from 'unzipper';

/**
 * What a case attachment is, judged by its bytes alone (never its name or the request's
 * Content-Type): PDF, JPEG, PNG, or a zip that holds an Office workbook (.xlsx) or document
 * (.docx). Anything else is refused — an .exe renamed .pdf included.
 */

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

const startsWith = (head: Buffer, magic: number[]) =>
  head.length >= magic.length && magic.every((b, i) => head[i] === b);

/** The kind of the file at `file`, or null when it is none of the accepted kinds. */
export async function sniffAttachment(file: string): Promise<AttachmentKind | null> {
  const fh = await open(file, 'r');
  const head = Buffer.alloc(8);
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeKind(file);
  return null;
}

/** .xlsx or .docx by the zip's entries (its central directory); null for any other zip. */
async function officeKind(file: string): Promise<AttachmentKind | null> {
  let names: Set<string>;
  try {
    const dir = await unzipper.Open.file(file);
    names = new Set(dir.files.map((f) => f.path));
  } catch {
    return null;
  }
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  return null;
}
