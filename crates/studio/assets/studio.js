// The studio's start script: loads the studio's wasm (its wasm-bindgen glue,
// marginalia-studio.js, beside this file), whose main renders the studio into #studio. Opened
// from file://, browsers refuse to load the module and the wasm: the page says so.
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
