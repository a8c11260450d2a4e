// marginalia embed helper for host pages: sizes each <iframe data-marginalia> to its content.
// The viewer inside posts {type: "marginalia:resize", version: 1, height} whenever its height
// changes; this accepts only messages of that shape, and only from one of those iframes.
(() => {
  const MAX_HEIGHT = 100000;
  addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data !== "object" || data === null) return;
    if (data.type !== "marginalia:resize" || data.version !== 1) return;
    const height = data.height;
    if (typeof height !== "number" || !Number.isFinite(height)) return;
    if (height < 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll("iframe[data-marginalia]")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    }
  });
})();
