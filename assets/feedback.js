// "Leave feedback about this", live: the reader's star ratings for the article's criteria and
// their own, a comment with its limit shown, and local images or videos (previewed from blob:
// addresses, never uploaded). Submitting keeps it in this browser (it survives a reload; Clear
// removes it), offers it as a JSON download, passes it to the host page when allowed, and POSTs
// it only to the article author's endpoint.
//
// Not in the wasm (README "A smaller wasm"): the viewer hands `feedbackForm` the form's island
// and everything the form needs to know once the reader comes near the form (assets/later.js),
// so a reader who never scrolls to it never downloads it. The viewer decides, as before, who
// may receive the feedback (src/components/feedback_later.rs): this module only does it.
// Its words are the catalogue's (locales/*.toml, `[viewer]`), in the viewer's language, given
// by the viewer: no word for readers is written here. The markup is the server's (the page's
// prerendered form, src/components/feedback_form.rs), which it replaces in place.
//
// The rules are the Rust ones of src/feedback/ (the server renders with them; its tests describe
// them), and the form is kept as they keep it: postcard bytes as hex, so a form kept before
// this module existed is read, and the other way round.
//
// `o`: { words: {name: template with {placeholders}}, stars: ["1 star", …, "5 stars"],
//   criteria: [names], key: localStorage key, legacy: the one-article key to adopt from (a page
//   only), title, date: the article's (the export names them), endpoint, endpointOrigin: the
//   author's address when it may be used from here, origin: the embedding site allowed to
//   receive it, host: the host page's element to tell (a mount) }.

const FEEDBACK_LIMITS = { comment: 1000, custom: 5, name: 40, files: 4 };
const FEEDBACK_KINDS = {
  image: { types: ["image/png", "image/jpeg", "image/gif", "image/webp"], limit: 5 * 1024 * 1024 },
  video: { types: ["video/mp4", "video/webm"], limit: 50 * 1024 * 1024 },
};
const FEEDBACK_FORMAT_VERSION = 1;

// --- Kept in this browser: postcard's bytes of (version, Feedback), as hex (src/feedback/mod.rs,
// Feedback::to_storage). ---

/** The form as kept in this browser. */
export function feedbackToStorage(f) {
  const out = [];
  const varint = (n) => {
    do {
      let byte = n % 128;
      n = Math.floor(n / 128);
      if (n) byte |= 128;
      out.push(byte);
    } while (n);
  };
  const str = (s) => {
    const bytes = new TextEncoder().encode(s);
    varint(bytes.length);
    out.push(...bytes);
  };
  varint(FEEDBACK_FORMAT_VERSION);
  varint(f.ratings.length);
  for (const r of f.ratings) {
    str(r.criterion);
    out.push(r.stars, r.custom ? 1 : 0);
  }
  str(f.comment);
  varint(f.attachments.length);
  for (const a of f.attachments) {
    str(a.name);
    str(a.type);
    varint(a.bytes);
    varint(a.kind === "image" ? 0 : 1);
  }
  if (f.submitted_at == null) out.push(0);
  else {
    out.push(1);
    str(f.submitted_at);
  }
  return out.map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What `feedbackToStorage` wrote, or null for anything else (corrupted, older, foreign). */
export function feedbackFromStorage(text) {
  if (text.length > 200000 || !/^(?:[0-9a-fA-F]{2})*$/.test(text)) return null;
  const bytes = Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
  let at = 0;
  const byte = () => {
    if (at >= bytes.length) throw 0;
    return bytes[at++];
  };
  const varint = (most) => {
    let n = 0;
    for (let i = 0, scale = 1; i < most; i++, scale *= 128) {
      const b = byte();
      n += (b & 127) * scale;
      if (b < 128) return n;
    }
    throw 0;
  };
  const flag = () => {
    const b = byte();
    if (b > 1) throw 0;
    return b === 1;
  };
  const str = () => {
    const n = varint(10);
    if (at + n > bytes.length) throw 0;
    const s = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const list = (item) => Array.from({ length: varint(10) }, item);
  try {
    if (varint(5) !== FEEDBACK_FORMAT_VERSION) return null;
    const f = {
      ratings: list(() => ({ criterion: str(), stars: byte(), custom: flag() })),
      comment: str(),
      attachments: list(() => {
        const [name, type, bytes] = [str(), str(), varint(10)];
        const kind = ["image", "video"][varint(5)];
        if (!kind) throw 0;
        return { name, type, bytes, kind };
      }),
      submitted_at: flag() ? str() : null,
    };
    const within =
      [...f.comment].length <= FEEDBACK_LIMITS.comment &&
      f.ratings.every((r) => r.stars <= 5) &&
      f.ratings.filter((r) => r.custom).length <= FEEDBACK_LIMITS.custom &&
      f.attachments.length <= FEEDBACK_LIMITS.files;
    return within ? f : null;
  } catch {
    return null;
  }
}

// --- The export (src/feedback/export.rs): an object, and JSON safe inside HTML. ---

/** The feedback as it leaves the browser, about the article of this title and source date. */
export const feedbackExport = (f, title, date) => ({
  format: "marginalia-feedback",
  version: FEEDBACK_FORMAT_VERSION,
  article: { title, source_date: date },
  submitted_at: f.submitted_at,
  ratings: f.ratings.map(({ criterion, stars, custom }) => ({ criterion, stars, custom })),
  comment: f.comment,
  attachments: f.attachments.map(({ name, type, bytes, kind }) => ({ name, type, bytes, kind })),
});
/** JSON text safe inside HTML and JavaScript: <, >, U+2028 and U+2029 escaped. */
export const feedbackJson = (object) => JSON.stringify(object).replace(/[<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export function feedbackForm(island, o) {
  const w = o.words;
  const MB = 1024 * 1024;
  const fill = (template, args = {}) => template.replace(/\{([^{}]*)\}/g, (all, slot) => (slot in args ? args[slot] : all));
  const chars = (text) => [...text].length;
  const cut = (text, n) => [...text].slice(0, n).join("");

  // --- The form's data, as src/feedback/mod.rs keeps it. ---
  const blank = () => ({ ratings: o.criteria.map((criterion) => ({ criterion, stars: 0, custom: false })), comment: "", attachments: [], submitted_at: null });
  const isEmpty = (f) => f.ratings.every((r) => r.stars === 0) && !f.comment.trim() && !f.attachments.length;
  const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

  /** The name, checked as a new criterion of `f`; or why not, in words (`error`). */
  function canAdd(f, typed) {
    const name = typed.trim();
    if (!name) return { error: w.nameFirst };
    if (chars(name) > FEEDBACK_LIMITS.name) return { error: fill(w.nameTooLong, { max: FEEDBACK_LIMITS.name }) };
    if (f.ratings.some((r) => asciiLower(r.criterion) === asciiLower(name))) return { error: fill(w.already, { name }) };
    if (f.ratings.filter((r) => r.custom).length >= FEEDBACK_LIMITS.custom) return { error: fill(w.tooManyCriteria, { max: FEEDBACK_LIMITS.custom }) };
    return { name };
  }

  function humanBytes(bytes) {
    if (bytes < MB) return fill(w.sizeKb, { n: Math.ceil(bytes / 1024) });
    const tenths = Math.floor((bytes * 10 + MB / 2) / MB);
    return fill(w.sizeMb, { n: `${Math.floor(tenths / 10)}.${tenths % 10}` });
  }

  /** A chosen file, checked against the kind asked for: its description, or why not. */
  function checkFile(kind, file) {
    const { types, limit } = FEEDBACK_KINDS[kind];
    const shown = cut(file.name, 60);
    const what = kind === "image" ? w.anImage : w.aVideo;
    if (!types.includes(file.type)) return { error: fill(w.wrongType, { name: shown, what, types: types.map((t) => t.split("/")[1]).join(", ") }) };
    if (file.size > limit) return { error: fill(w.tooBig, { name: shown, size: humanBytes(file.size), what, limit: humanBytes(limit) }) };
    return { attachment: { name: cut(file.name, 200), type: file.type, bytes: file.size, kind } };
  }

  // localStorage; every failure (off, full, blocked) is an answer, never an exception.
  const load = (key) => {
    try {
      return { value: localStorage.getItem(key) };
    } catch {
      return {};
    }
  };
  const save = (key, value) => {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  };
  const remove = (key) => {
    try {
      localStorage.removeItem(key);
    } catch {}
  };

  // The form kept under the one-article key moves to this article's key, once, when it is this
  // article's form (its own ratings are the article's criteria, in order); see
  // src/feedback/mod.rs, is_legacy_feedback_of.
  if (o.legacy && o.criteria.length) {
    const kept = load(o.legacy).value;
    const form = kept != null && feedbackFromStorage(kept);
    const own = form && form.ratings.filter((r) => !r.custom).map((r) => r.criterion);
    if (own && own.length === o.criteria.length && own.every((c, i) => c === o.criteria[i]) && load(o.key).value === null && save(o.key, kept)) remove(o.legacy);
  }

  // --- The markup: the server's, made here. ---
  const doc = island.ownerDocument;
  function h(tag, attributes = {}, ...children) {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    el.append(...children.flat().filter((c) => c != null));
    return el;
  }

  let feedback = blank();
  let message = "";
  // Previews of files attached in this visit (blob: addresses), by attachment index.
  let previews = [];

  const status = h("p", { class: "feedback__status", role: "status" });
  const say = (text) => (status.textContent = text ?? "");

  const slug = (text) => [...text].map((c) => (/[A-Za-z0-9]/.test(c) ? c.toLowerCase() : "-")).join("");

  /** One criterion's 1–5 stars: a radio group (native radios: arrow keys, Tab and screen
   * readers work as for any), drawn as stars; `set(stars)` shows a new rating in place. */
  function rating(r) {
    const summary = h("span", { class: "rating__summary" });
    const labels = [1, 2, 3, 4, 5].map((n) =>
      h(
        "label",
        { class: "rating__star" },
        h("input", { class: "rating__input", type: "radio", name: `rate-${slug(r.criterion)}`, value: n, "aria-label": o.stars[n - 1], onchange: () => rate(r.criterion, n) }),
        h("span", { class: "rating__glyph", "aria-hidden": "true" }, "★"),
      ),
    );
    const removeButton =
      r.custom &&
      h("button", { type: "button", class: "button rating__remove", "aria-label": fill(w.removeLabel, { name: r.criterion }), onclick: () => edit((f) => ({ ...f, ratings: f.ratings.filter((x) => !(x.custom && x.criterion === r.criterion)) })) }, w.remove);
    const el = h("fieldset", { class: "rating" }, h("legend", { class: "rating__legend" }, r.criterion, summary), h("div", { class: "rating__stars" }, labels, removeButton || null));
    const set = (stars) => {
      summary.textContent = fill(w.ratingSummary, { summary: stars ? o.stars[stars - 1] : w.notRated });
      labels.forEach((label, i) => {
        label.classList.toggle("rating__star--on", i < stars);
        label.firstChild.checked = i + 1 === stars;
      });
    };
    return { el, set };
  }

  // "Add field": a name the form cannot take is refused with the reason, next to the field.
  const newName = h("input", { id: "feedback-new-criterion", class: "feedback__input", type: "text", placeholder: w.criterionPlaceholder, maxlength: FEEDBACK_LIMITS.name, "aria-describedby": "feedback-add-error" });
  const addError = h("p", { id: "feedback-add-error", class: "feedback__error", role: "alert" });
  function add() {
    const checked = canAdd(feedback, newName.value);
    addError.textContent = checked.error ?? "";
    if (checked.error) return;
    newName.value = "";
    edit((f) => ({ ...f, ratings: [...f.ratings, { criterion: checked.name, stars: 0, custom: true }] }));
  }
  newName.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    add();
  });
  const adder = h(
    "div",
    { class: "feedback__add", role: "group", "aria-labelledby": "feedback-add-label" },
    h("label", { id: "feedback-add-label", class: "feedback__label", for: "feedback-new-criterion" }, w.addCriterion),
    h("div", { class: "feedback__add-row" }, newName, h("button", { type: "button", class: "button", onclick: add }, w.addCriterion)),
    addError,
  );

  const left = h("p", { id: "feedback-comment-left", class: "feedback__hint" });
  const comment = h("textarea", {
    id: "feedback-comment",
    class: "feedback__comment",
    rows: 5,
    maxlength: FEEDBACK_LIMITS.comment,
    "aria-describedby": "feedback-comment-left",
    oninput: () => edit((f) => ({ ...f, comment: cut(comment.value, FEEDBACK_LIMITS.comment) }), { typing: true }),
  });

  function onFile(kind, input) {
    const file = input.files?.[0];
    if (!file) return;
    input.value = "";
    const checked = checkFile(kind, file);
    const attached = feedback.attachments.length;
    if (checked.error) return edit(null, { say: checked.error });
    if (attached >= FEEDBACK_LIMITS.files) return edit(null, { say: fill(w.tooManyFiles, { max: FEEDBACK_LIMITS.files }) });
    previews = previews.slice(0, attached);
    previews.push(URL.createObjectURL(file));
    edit((f) => ({ ...f, attachments: [...f.attachments, checked.attachment] }), { say: "" });
  }
  const files = h(
    "div",
    { class: "feedback__files" },
    ["image", "video"].map((kind) => {
      const input = h("input", { class: "visually-hidden", type: "file", id: `feedback-${kind}`, accept: FEEDBACK_KINDS[kind].types.join(","), onchange: () => onFile(kind, input) });
      return h("label", { class: "button feedback__file" }, kind === "image" ? w.chooseImage : w.chooseVideo, input);
    }),
    h("span", { class: "feedback__hint" }, w.mediaLimits),
  );

  function attachmentList() {
    if (!feedback.attachments.length) return null;
    return h(
      "ul",
      { class: "feedback__attachments" },
      feedback.attachments.map((a, i) => {
        const url = previews[i];
        const preview = !url
          ? h("span", { class: "feedback__hint" }, w.notPreviewed)
          : a.kind === "image"
            ? h("img", { class: "feedback__preview", src: url, alt: fill(w.preview, { name: a.name }) })
            : h("video", { class: "feedback__preview", src: url, controls: true, "aria-label": fill(w.preview, { name: a.name }) });
        const line = fill(w.attachmentLine, { name: a.name, kind: a.kind === "image" ? w.image : w.video, size: fill(w.sizeKb, { n: Math.ceil(a.bytes / 1024) }) });
        return h(
          "li",
          { class: "feedback__attachment" },
          preview,
          h("span", { class: "feedback__file-name" }, line),
          h("button", { type: "button", class: "button", "aria-label": fill(w.removeLabel, { name: a.name }), onclick: () => detach(i) }, w.remove),
        );
      }),
    );
  }

  function detach(i) {
    if (previews[i]) URL.revokeObjectURL(previews[i]);
    previews = previews.filter((_, j) => j !== i);
    edit((f) => ({ ...f, attachments: f.attachments.filter((_, j) => j !== i) }));
  }

  // Who receives it besides this browser, named beside Submit (the viewer decided).
  const notes = [
    o.origin ? fill(w.toHost, { origin: o.origin }) : o.host ? w.toPage : null,
    o.endpointOrigin ? fill(w.toPublisher, { origin: o.endpointOrigin }) : null,
  ].map((text) => text && h("p", { class: "feedback__recipient" }, text));

  function submitted(kept, shared) {
    return (kept ? w.thanks : w.notStored) + (shared ? w.passedToHost : "");
  }

  function submit(e) {
    e.preventDefault();
    if (isEmpty(feedback)) return say(w.nothing);
    feedback = { ...feedback, submitted_at: new Date().toISOString() };
    const kept = save(o.key, feedbackToStorage(feedback));
    const object = feedbackExport(feedback, o.title, o.date);
    let shared = false;
    if (o.origin && window.parent !== window) {
      try {
        window.parent.postMessage({ type: "marginalia:feedback", version: 1, feedback: object }, o.origin);
        shared = true;
      } catch {}
    } else if (o.host) {
      o.host.dispatchEvent(new CustomEvent("marginalia:feedback", { detail: object, bubbles: true }));
      shared = true;
    }
    const said = submitted(kept, shared);
    say(said);
    if (o.endpoint) {
      fetch(o.endpoint, { method: "POST", credentials: "omit", headers: { "content-type": "application/json" }, body: feedbackJson(object) })
        .then((response) => response.ok)
        .catch(() => false)
        .then((ok) => say(fill(w.submittedThen, { said, outcome: ok ? w.sent : w.sendFailed })));
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([feedbackJson(feedbackExport(feedback, o.title, o.date))], { type: "application/json" }));
    h("a", { href: url, download: "marginalia-feedback.json" }).click();
    URL.revokeObjectURL(url);
  }

  function clear() {
    remove(o.key);
    for (const url of previews) if (url) URL.revokeObjectURL(url);
    previews = [];
    feedback = blank();
    render({ say: w.cleared });
  }

  const actions = h(
    "div",
    { class: "feedback__actions" },
    h("button", { type: "submit", class: "button button--primary" }, w.submit),
    h("button", { type: "button", class: "button", onclick: download }, w.download),
    h("button", { type: "button", class: "button", onclick: clear }, w.clear),
  );
  const form = h("form", { class: "feedback__form", onsubmit: submit }, adder, h("label", { class: "feedback__label", for: "feedback-comment" }, w.comment), comment, left, files, notes, actions);
  const section = h("section", { class: "feedback", "aria-labelledby": "feedback-title" }, h("h2", { id: "feedback-title", class: "feedback__title" }, w.title), form, status);

  let ratings = [];
  let list = null;
  let shownCriteria = null;
  let shownFiles = null;

  /** Shows `feedback`: the ratings made again when the criteria changed and the file list when
   * it did, the rest set in place (so the field being typed in, and focus, stay). */
  function render({ say: text, typing = false } = {}) {
    const criteria = JSON.stringify(feedback.ratings.map((r) => [r.criterion, r.custom]));
    if (criteria !== shownCriteria) {
      shownCriteria = criteria;
      for (const r of ratings) r.el.remove();
      ratings = feedback.ratings.map(rating);
      adder.before(...ratings.map((r) => r.el));
    }
    feedback.ratings.forEach((r, i) => ratings[i].set(r.stars));
    if (feedback.attachments !== shownFiles) {
      shownFiles = feedback.attachments;
      const next = attachmentList();
      if (next) (list ?? files).after(next);
      list?.remove();
      list = next;
    }
    if (!typing) comment.value = feedback.comment;
    left.textContent = fill(w.charsLeft, { left: FEEDBACK_LIMITS.comment - chars(feedback.comment), max: FEEDBACK_LIMITS.comment });
    if (text !== undefined) say(text);
  }

  function edit(change, options) {
    if (change) feedback = change(feedback);
    render(options);
  }

  function rate(criterion, stars) {
    edit((f) => ({ ...f, ratings: f.ratings.map((r) => (r.criterion === criterion ? { ...r, stars } : r)) }));
  }

  // What this browser kept, and what the reader typed into the prerendered form before this.
  const typed = island.querySelector("#feedback-comment")?.value ?? "";
  const kept = load(o.key).value;
  if (kept != null) {
    const restored = feedbackFromStorage(kept);
    if (restored) feedback = restored;
    message = restored ? fill(w.kept, { date: (restored.submitted_at ?? "").slice(0, 10) }) : w.unreadable;
  }
  if (typed) feedback = { ...feedback, comment: cut(typed, FEEDBACK_LIMITS.comment) };
  render({ say: message });

  newName.value = island.querySelector("#feedback-new-criterion")?.value ?? "";

  // In place of the prerendered form, with focus where the reader had it (the same markup: the
  // element of the same id, the same radio, else the same place among the controls).
  const root = island.getRootNode();
  const focused = island.contains(root.activeElement) ? root.activeElement : null;
  const controls = (el) => [...el.querySelectorAll("input, textarea, button")];
  const at = focused ? controls(island).indexOf(focused) : -1;
  island.replaceChildren(section);
  if (focused) {
    const same = focused.id
      ? section.querySelector(`#${CSS.escape(focused.id)}`)
      : focused.name
        ? section.querySelector(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`)
        : controls(section)[at];
    same?.focus();
  }
  section.setAttribute("data-ready", "");
}
