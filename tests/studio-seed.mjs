// What the studio's browser checks share (tests/e2e/studio.test.mjs, tests/engines/studio.test.mjs,
// bench/studio.mjs): the seed as a writer would bring it (its text with the marks taken out,
// its meta as the form's fields), the folder a download holds, and a reader of the stored
// zips the studio writes.
import { readFileSync } from "node:fs";

export const SEED = "content/putin-kim-pact";

/** The seed's text as pasted: its Markdown with each `[name](actor:id)` mark taken out. */
export const pasted = readFileSync(`${SEED}/article.md`, "utf8").replace(/\[([^\]]+)\]\(actor:[a-z0-9-]+\)/g, "$1");

const metaToml = readFileSync(`${SEED}/meta.toml`, "utf8");
const metaValue = (key, section = "") => {
  const part = section ? metaToml.split(`[${section}]`)[1] : metaToml.split("[")[0];
  return part.match(new RegExp(`^${key} = "(.*)"$`, "m"))[1];
};

/** The meta form's fields (`#meta-<key>`), as the seed's meta.toml gives them. */
export const FORM = {
  title: metaValue("title"),
  page_date: metaValue("page_date"),
  page_date_text: metaValue("page_date_text"),
  source_name: metaValue("name", "source"),
  source_date: metaValue("date", "source"),
};

/** The folder's name the studio gives the seed drafted from its title, and its files. */
export const SLUG = "japan-and-south-korea-sound-alarm-over-putin";
export const FILES = ["meta.toml", "article.md", "actors.toml", "events.toml", "quotes.toml", "draft.toml"];

/**
 * The names and bytes of a zip's entries, read through its central directory. Only stored
 * entries (the studio writes no other): a compressed one, or bytes that are no zip, throw.
 */
export function unzipBytes(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error("not a zip: no end record");
  let at = view.getUint32(end + 16, true);
  const entries = {};
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint16(at + 10, true) !== 0) throw new Error("a compressed entry: the studio stores");
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries[name] = bytes.subarray(data, data + size);
    at += 46 + nameLength;
  }
  return entries;
}

/** A zip's entries as texts. */
export function unzip(bytes) {
  return Object.fromEntries(Object.entries(unzipBytes(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}
