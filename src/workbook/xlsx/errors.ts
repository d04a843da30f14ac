/** A file that cannot be used as it is (not an .xlsx, damaged, password-protected): nothing is written. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

/**
 * What the project was about to write is not a valid package: a bug of ours, found by reading back
 * every part we wrote before the file is renamed into place. Nothing is written.
 */
export class PackageBug extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageBug";
  }
}
