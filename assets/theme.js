// Runs before the first paint: applies the reader's stored theme so a dark-theme reader never
// sees a flash of the light page. The viewer keeps <html data-theme> in step afterwards.
try {
  const theme = localStorage.getItem("marginalia.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage disabled: the viewer says so itself.
}
