/* global document, location */
/**
 * The ribbon command's outcome dialog: shows the title and lines passed in its address. It needs no
 * Office API (the host's own close button closes it), so it loads no script but this one.
 */
const query = new URLSearchParams(location.search);
const main = document.getElementById("outcome");
if (main) {
  const ok = query.get("ok") === "1";
  const title = document.createElement("h1");
  title.textContent = query.get("title") ?? "";
  title.style.cssText = `font-size: 18px; margin: 0 0 12px; color: ${ok ? "#107c10" : "#a4262c"}`;
  main.appendChild(title);
  for (const line of (query.get("lines") ?? "").split("\n")) {
    const p = document.createElement("p");
    p.textContent = line;
    p.style.cssText = "margin: 0 0 8px; font-size: 14px; line-height: 1.5";
    main.appendChild(p);
  }
  document.documentElement.lang = query.get("lang") === "en" ? "en" : "zh-CN";
}
