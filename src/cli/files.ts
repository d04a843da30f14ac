/**
 * The command's file handling: every fault (missing, a folder, unreadable, read-only, a missing
 * folder, a full disk) becomes one line that says what and where, and a written file appears whole or
 * not at all: it is written to a temporary file beside the target and renamed into place.
 */
import * as nodeFs from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";

/** The file operations the command uses, so that tests can inject faults (a full disk). */
export interface FileSystem {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  copyFile(from: string, to: string): void;
  stat(path: string): { isDirectory(): boolean; mode: number; size: number } | null;
  realpath(path: string): string;
  mkdir(path: string): void;
}

export const realFileSystem: FileSystem = {
  readFile: (p) => nodeFs.readFileSync(p),
  writeFile: (p, d) => nodeFs.writeFileSync(p, d, { flag: "wx" }),
  rename: (a, b) => nodeFs.renameSync(a, b),
  unlink: (p) => nodeFs.unlinkSync(p),
  copyFile: (a, b) => nodeFs.copyFileSync(a, b),
  stat: (p) => {
    try {
      return nodeFs.statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  },
  realpath: (p) => nodeFs.realpathSync(p),
  mkdir: (p) => void nodeFs.mkdirSync(p, { recursive: true }),
};

/** A file fault, said in one line. */
export class FileFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileFault";
  }
}

function say(e: unknown, what: string, path: string): FileFault {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new FileFault(`${what} ${path}: no such file or folder`);
  if (code === "EACCES" || code === "EPERM") return new FileFault(`${what} ${path}: permission denied (is it read-only, or open in another program?)`);
  if (code === "ENOSPC") return new FileFault(`${what} ${path}: the disk is full`);
  if (code === "EDQUOT") return new FileFault(`${what} ${path}: the disk quota is used up`);
  if (code === "EISDIR") return new FileFault(`${what} ${path}: it is a folder, not a file`);
  if (code === "EROFS") return new FileFault(`${what} ${path}: the disk is read-only`);
  return new FileFault(`${what} ${path}: ${(e as Error)?.message ?? String(e)}`);
}

/** Reads an input workbook, or says in one line why it cannot. */
export function readInput(fs: FileSystem, path: string): Uint8Array {
  let st: ReturnType<FileSystem["stat"]>;
  try {
    st = fs.stat(path);
  } catch (e) {
    throw say(e, "cannot read", path);
  }
  if (!st) throw new FileFault(`no such file: ${path}`);
  if (st.isDirectory()) throw new FileFault(`${path} is a folder, not a workbook: give the .xlsx file inside it`);
  try {
    return fs.readFile(path);
  } catch (e) {
    throw say(e, "cannot read", path);
  }
}

/** The same file, whatever path spelling (relative, through links) names it. */
export function sameFile(fs: FileSystem, a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpath(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Makes the folder of a new file (for `kpi init`, which starts a workbook from nothing). */
export function makeFolderOf(fs: FileSystem, path: string): void {
  try {
    fs.mkdir(dirname(resolve(path)));
  } catch (e) {
    throw say(e, "cannot make the folder of", path);
  }
}

/** Refuses a path that cannot be written (no folder, a folder, a read-only file); returns its folder. */
function refuseUnwritable(fs: FileSystem, path: string): string {
  const folder = dirname(resolve(path));
  const dir = fs.stat(folder);
  if (!dir || !dir.isDirectory()) throw new FileFault(`cannot write ${path}: the folder ${folder} does not exist`);
  const st = fs.stat(path);
  if (st?.isDirectory()) throw new FileFault(`cannot write ${path}: it is a folder, not a file`);
  // A file marked read-only is the user's choice; even a user allowed to replace it (root) does not.
  if (st && (st.mode & 0o222) === 0) throw new FileFault(`cannot write ${path}: the file is read-only`);
  return folder;
}

/**
 * `--in-place`: the workbook as it was is kept as book.bak.xlsx, then replaced by `data`. A workbook that
 * cannot be replaced (read-only) is refused before the backup is written, so a refusal leaves nothing behind
 * (an older backup stays as it was).
 */
export function replaceKeepingBackup(fs: FileSystem, path: string, data: Uint8Array): void {
  refuseUnwritable(fs, path);
  writeWhole(fs, backupPath(path), readInput(fs, path));
  writeWhole(fs, path, data);
}

/** Where `--in-place` keeps the workbook as it was: book.xlsx → book.bak.xlsx. */
export function backupPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.bak${ext}`);
}

/**
 * Writes `data` to `path` through a temporary file and a rename, so a failed write (a full disk, a
 * read-only folder) never leaves half a workbook; a read-only target is refused, never replaced.
 */
export function writeWhole(fs: FileSystem, path: string, data: Uint8Array): void {
  const folder = refuseUnwritable(fs, path);
  const tmp = join(folder, `.${basename(path)}.${process.pid}.kpi-tmp`);
  try {
    fs.writeFile(tmp, data);
    fs.rename(tmp, path);
  } catch (e) {
    try {
      fs.unlink(tmp);
    } catch {
      // Nothing was left behind, or the folder cannot be written at all.
    }
    throw say(e, "cannot write", path);
  }
}
