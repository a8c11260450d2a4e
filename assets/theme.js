// Runs before the first paint: applies the reader's stored theme so a dark-theme reader never
// sees a flash of the light page. The viewer keeps <html data-theme> in step afterwards.
try {
  const theme = localStorage.getItem("marginalia.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage disabled: the viewer says so itself.
}
// Opened from disk, a site's page cannot run its start script (a module): a long article's
// other sections (noscript[data-section], src/web/sections.rs) are put in the page once it is
// parsed, as the viewer would.
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", () => {
    for (const section of document.querySelectorAll("noscript[data-section]")) {
      const template = document.createElement("template");
      template.innerHTML = section.textContent;
      section.replaceWith(template.content);
    }
  });
}
