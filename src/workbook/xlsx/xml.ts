/**
 * Escaping text for the parts we write. Cell text keeps every character the user typed: the ones XML
 * cannot hold, and the carriage return (which an XML reader would turn into a line feed), are written
 * in Excel's _xHHHH_ form, and a literal _xHHHH_ is itself escaped, so the text reads back exactly.
 */

const CONTROL_TEXT = /[\x00-\x08\x0b-\x1f\ufffe\uffff]/;
const CONTROL_NAME = /[\x00-\x1f\ufffe\uffff]/;

function excelEscape(s: string, control: RegExp): string {
  let out = s.indexOf("_x") >= 0 ? s.replace(/_(x[0-9A-Fa-f]{4})_/g, "_x005F_$1_") : s;
  if (control.test(out)) out = out.replace(new RegExp(control.source, "g"), (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
  return out;
}

/** Text of a cell (tabs and line feeds stay as they are, as Excel writes them). */
export function escapeText(s: string): string {
  const out = excelEscape(s, CONTROL_TEXT);
  return /[&<>]/.test(out) ? out.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;")) : out;
}

/** An attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<"\t\n\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === '"' ? "&quot;" : `&#${c.charCodeAt(0)};`));
}

/** A name Excel keeps in an attribute (a table column's name), its control characters in _xHHHH_ form. */
export function excelName(s: string): string {
  return excelEscape(s, CONTROL_NAME);
}
