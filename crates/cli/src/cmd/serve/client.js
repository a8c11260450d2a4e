// `marginalia serve --watch`: added to every HTML page it serves (never to the built site).
// Reloads the page when the site has been rebuilt; shows a content error, as text, over the
// last good page, which stays readable below it.
const events = new EventSource("/__dev/events");

events.addEventListener("reload", () => location.reload());

events.addEventListener("content-error", (event) => {
  let box = document.getElementById("marginalia-dev-error");
  if (!box) {
    box = document.createElement("pre");
    box.id = "marginalia-dev-error";
    box.setAttribute("role", "alert");
    box.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
      "background:#fff3f0;color:#5a0000;border-top:3px solid #b00020;" +
      "font:14px/1.4 monospace;white-space:pre-wrap;z-index:2147483647";
    document.body.append(box);
  }
  box.textContent =
    "The site was not rebuilt: fix this and save again. The page below is the last good build.\n\n" +
    event.data;
});
