// The page's one inline script (allowed by its hash under the strict Content-Security-Policy),
// run before the first paint:
// 1. applies the reader's stored theme, so a dark-theme reader never sees a flash of the light
//    page (the viewer keeps <html data-theme> in step afterwards);
// 2. on an article's page, once the first paint is done, adds the page's start script
//    (init.js, named by the "marginalia-start" meta just before this script): the first paint
//    never waits for it, nor for any request it makes. `marginalia build` fills `{{dom.…}}`
//    (src/dom.rs).
try {
  const theme = localStorage.getItem("marginalia.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage disabled: the viewer says so itself.
}
{
  // Read now: the meta is before this script, so it is parsed, however the page's bytes arrive.
  // (A block: a classic script's names would otherwise be the page's globals.)
  const start = document.querySelector('meta[name="{{dom.start_meta}}"]')?.content;
  const add = () => document.head.append(Object.assign(document.createElement("script"), { type: "module", src: start }));
  if (start) requestAnimationFrame(() => setTimeout(add, 0));
}
