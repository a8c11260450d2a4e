// The studio's start script: loads the studio's wasm (its wasm-bindgen glue,
// marginalia-studio.js, beside this file), whose main renders the studio into #studio. Opened
// from file://, Chromium refuses this module itself, so the page's loading line says what to do;
// a browser that runs it but refuses the wasm gets the message below.
import init from "./marginalia-studio.js";

const root = document.getElementById("studio");

function fail(message) {
  const p = document.createElement("p");
  p.className = "studio__warning";
  p.setAttribute("role", "alert");
  p.textContent = message;
  root.replaceChildren(p);
}

init().catch((error) => {
  fail(
    location.protocol === "file:"
      ? "The studio needs to be served over http(s): browsers do not load WebAssembly from a file. Run `make serve` (or `marginalia serve`) and open /studio/."
      : `The studio could not start: ${error}`,
  );
});
