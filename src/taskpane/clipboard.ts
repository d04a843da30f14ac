/* global navigator, document */
/**
 * Puts text on the clipboard. The asynchronous Clipboard API is refused in a cross-origin iframe
 * without the clipboard-write permission (the task pane of Office on the web is one: office-js#1991),
 * so the old copy command over a hidden text area is tried next, inside the same click.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the permissions policy: fall through to the copy command.
  }
  try {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.focus();
    area.select();
    const ok = typeof document.execCommand === "function" && document.execCommand("copy");
    area.remove();
    return ok;
  } catch {
    return false;
  }
}
