// The site's search, in the reader's browser, from the static index that `marginalia build`
// writes (search/<first character>.js, the word shards, and search/d-<n>.js, the documents; see
// search_index.rs). Every element marked [data-site-search] becomes a search box. A query's
// words are looked up in the shards of their first characters, loaded on demand with <script>
// elements (which also work from file://). A word matches a word of the index that starts with
// it, or (from four letters on) one that differs from it by one letter: one letter changed,
// added, left out or two swapped. A document is found when every word of the query matches one
// of its words. Documents are numbered in the order they are worth (actors, articles, quotes,
// each in the site's order) and listed so; only the files of the documents listed are loaded.
// Its words are the page's, in the page's language: the build writes them on the element
// (data-label, data-placeholder, data-nothing, data-found with {n}, and the kinds' names
// data-article, data-actor, data-quote), from the catalogue; this script has none of its own.
"use strict";

(() => {
  const shards = new Map(); // character → { word: [numbers] } once loaded
  const docs = new Map(); // number → [kind, title, detail, address] once loaded
  const waiting = new Map(); // file name → Promise
  const MAX_RESULTS = 20;
  // The shards the build wrote (their first characters): no request for one that is not there.
  const WRITTEN = "__MARGINALIA_SHARDS__";
  const DOCS_PER_FILE = Number("__MARGINALIA_DOCS_PER_FILE__");

  window.marginaliaSearch = {
    // Each word's numbers come as the first and then the differences from the one before.
    shard(key, words) {
      const numbers = {};
      for (const [word, steps] of Object.entries(words)) {
        let last = 0;
        numbers[word] = steps.map((step) => (last += step));
      }
      shards.set(key, numbers);
    },
    docs(file, list) {
      list.forEach((doc, n) => docs.set(file * DOCS_PER_FILE + n, doc));
    },
  };

  const shardOf = (word) => (/^[a-z0-9]/.test(word) ? word[0] : "_");

  const wordsOf = (text) =>
    [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => [...w].length >= 2))];

  // search/<name>.js, once; a missing file (no word starts so) finds nothing and is no error.
  function load(root, name) {
    if (!waiting.has(name)) {
      waiting.set(
        name,
        new Promise((resolve) => {
          const script = document.createElement("script");
          script.src = `${root}search/${name}.js`;
          script.onload = script.onerror = () => resolve();
          document.head.append(script);
        }),
      );
    }
    return waiting.get(name);
  }

  // Whether a and b differ by at most one edit (Damerau: a swap of neighbours is one).
  function oneEditApart(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const rest = (x, y) => a.slice(x) === b.slice(y);
    if (a.length === b.length) {
      return rest(i + 1, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
    }
    return a.length > b.length ? rest(i + 1, i) : rest(i, i + 1);
  }

  function matches(query, word) {
    return word.startsWith(query) || (query.length >= 4 && oneEditApart(query, word));
  }

  async function search(root, text) {
    const query = wordsOf(text);
    if (query.length === 0) return [];
    const keys = [...new Set(query.map(shardOf))].filter((key) => WRITTEN.includes(key));
    await Promise.all(keys.map((key) => load(root, key)));
    let found = null;
    for (const q of query) {
      const shard = shards.get(shardOf(q)) ?? {};
      const hits = new Set();
      for (const [word, ids] of Object.entries(shard)) {
        if (matches(q, word)) ids.forEach((id) => hits.add(id));
      }
      found = found === null ? hits : new Set([...found].filter((id) => hits.has(id)));
    }
    const first = [...found].sort((a, b) => a - b).slice(0, MAX_RESULTS);
    const files = new Set(first.map((id) => Math.floor(id / DOCS_PER_FILE)));
    await Promise.all([...files].map((file) => load(root, `d-${file}`)));
    return first.filter((id) => docs.has(id)).map((id) => docs.get(id));
  }

  function render(list, status, results, root, words) {
    list.replaceChildren(
      ...results.map(([kind, title, detail, href]) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = root + href;
        link.textContent = title;
        const about = document.createElement("span");
        about.className = "site-search__detail";
        about.textContent = ` ${words[kind] ?? kind} · ${detail}`;
        item.append(link, about);
        return item;
      }),
    );
    status.textContent =
      results.length === 0 ? words.nothing : words.found.replace("{n}", String(results.length));
  }

  function mount(host) {
    const root = host.dataset.root || "./";
    const words = host.dataset;
    const form = document.createElement("form");
    form.setAttribute("role", "search");
    form.className = "site-search";
    const label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = "site-search-input";
    label.textContent = words.label;
    const input = document.createElement("input");
    input.type = "search";
    input.id = "site-search-input";
    input.className = "site-search__input";
    input.placeholder = words.placeholder;
    input.autocomplete = "off";
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    const list = document.createElement("ol");
    list.className = "site-search__results";
    form.append(label, input, status, list);
    host.replaceChildren(form);
    let composing = false;
    let latest = 0;
    const run = async () => {
      const asked = ++latest;
      const text = input.value;
      const results = text.trim() ? await search(root, text) : [];
      if (asked !== latest) return; // a newer query is on its way
      if (!text.trim()) {
        list.replaceChildren();
        status.textContent = "";
      } else {
        render(list, status, results, root, words);
      }
      // Which query the list answers (for tests and assistive tools alike).
      form.dataset.answered = text;
    };
    input.addEventListener("compositionstart", () => (composing = true));
    input.addEventListener("compositionend", () => {
      composing = false;
      run();
    });
    input.addEventListener("input", () => {
      if (!composing) run();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run();
    });
    // Arriving from an article's "Search" link (index.html#search): the box has the focus.
    if (location.hash === "#search") input.focus();
  }

  const start = () => document.querySelectorAll("[data-site-search]").forEach(mount);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
