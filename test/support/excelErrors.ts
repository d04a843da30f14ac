/** Calls fn and returns the Excel error (CustomFunctions.Error) it throws, as { code, message }. */
export function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected an Excel error, got a result");
}
