// ESLint (flat config), run by `make lint`: the project's JavaScript, by where it runs.
//   - in the browser: assets/*.js, the viewer's scripts (theme.js and embed.js are classic
//     scripts, the others modules); examples/*.js, a host page's; the script that
//     `marginalia serve --watch` adds to pages (crates/cli/src/cmd/serve/client.js);
//   - in Node: every .mjs (tools/, tests/, bench/), ES modules that also pass functions to
//     the browser (page.evaluate, page.waitForFunction), so both sets of globals hold there.
// Rules: ESLint's recommended set, plus a few that catch real mistakes in this code (loose
// equality, `var`, shadowed globals such as `name` or `event`).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["target/", "dist/", "node_modules/"],
  },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      // A `let` assigned once, after closures that read it are made, stays a `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // `try { … } catch {}`: a clean-up that may find nothing to clean.
      "no-empty": ["error", { allowEmptyCatch: true }],
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-restricted-globals": ["error", "name", "event", "length", "status"],
    },
  },
  {
    files: ["assets/*.js", "examples/*.js", "crates/cli/src/cmd/serve/*.js", "crates/cli/src/site_pages/*.js", "crates/studio/assets/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["assets/theme.js", "assets/embed.js", "crates/cli/src/site_pages/search.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
