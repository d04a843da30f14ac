/**
 * What a file is when it is not a zip package, so the refusal says what to do: an empty file, an
 * Excel 97-2003 .xls, a password-protected workbook (both are OLE compound files), CSV or HTML text.
 */
import { XlsxError } from "./errors";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function contains(buf: Uint8Array, ascii: string, utf16: boolean): boolean {
  const needle: number[] = [];
  for (const ch of ascii) {
    needle.push(ch.charCodeAt(0));
    if (utf16) needle.push(0);
  }
  outer: for (let i = 0; i + needle.length <= buf.length; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws an XlsxError naming what the file is, unless it starts like a zip package. */
export function refuseNonZip(buf: Uint8Array): void {
  if (buf.length === 0) throw new XlsxError("the file is empty (0 bytes): it may not have finished copying or downloading");
  if (buf[0] === 0x50 && buf[1] === 0x4b) return;
  if (CFB.every((b, i) => buf[i] === b)) {
    // An encrypted .xlsx is a compound file holding the streams EncryptionInfo and EncryptedPackage.
    if (contains(buf.subarray(0, 1 << 20), "EncryptionInfo", true) || contains(buf.subarray(0, 1 << 20), "EncryptedPackage", true)) {
      throw new XlsxError(
        "the workbook is password-protected: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save, and run again",
      );
    }
    throw new XlsxError("this is an Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook (.xlsx)");
  }
  const head = new TextDecoder().decode(buf.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html"))
    throw new XlsxError("this is a web page (HTML), not an .xlsx workbook: open it in Excel and save it as Excel Workbook (.xlsx)");
  if (head.startsWith("<?xml"))
    throw new XlsxError("this is an XML file, not an .xlsx workbook (an .xlsx is a zip package): open it in Excel and save it as Excel Workbook (.xlsx)");
  throw new XlsxError(
    "this is not an .xlsx workbook (an .xlsx is a zip package; this looks like text such as CSV, or another kind of file): open it in Excel and save it as Excel Workbook (.xlsx)",
  );
}
