// marginalia embed helper for host pages: sizes each <iframe data-marginalia> to its content.
// The viewer inside posts {type: "marginalia:resize", version: 1, height} whenever its height
// changes; this accepts only messages of that shape, only from one of those iframes, and only
// from the origin of that iframe's src: once a reader follows a link inside the iframe to
// another site, that site cannot resize it.
(() => {
  const MAX_HEIGHT = 100000;
  // Whether `origin` (event.origin) may resize `frame`.
  const allowed = (frame, origin) => {
    const src = frame.getAttribute("src");
    if (!src) return false;
    let url;
    try {
      url = new URL(src, document.baseURI); // as the browser resolved it (baseURI honours <base>)
    } catch {
      return false;
    }
    // A page opened from disk has no origin to compare: its event.origin is "null" (or
    // "file://", the origin Chromium gives a file: URL). Accept those only when the frame's
    // src is itself file:, which happens only when the host page is on disk too (an http(s)
    // page cannot frame a file:). There, another file or a data: page the frame moved to can
    // still resize it; a page on the web cannot. A src with an opaque origin (data:,
    // about:srcdoc, javascript:) never resizes.
    if (url.protocol === "file:") return origin === "null" || origin === "file://";
    return url.origin !== "null" && url.origin === origin;
  };
  addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data !== "object" || data === null) return;
    if (data.type !== "marginalia:resize" || data.version !== 1) return;
    const height = data.height;
    if (typeof height !== "number" || !Number.isFinite(height)) return;
    if (height < 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll("iframe[data-marginalia]")) {
      if (frame.contentWindow === event.source && allowed(frame, event.origin)) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    }
  });
})();
