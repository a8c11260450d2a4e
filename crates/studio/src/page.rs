//! An article's saved web page (`.html`), read for its title and its readable paragraphs: the
//! text a writer would otherwise copy by hand. Pure text in, text out: the page is never put in
//! a document, so nothing in it (scripts, handlers, frames, styles) can run or load.
//!
//! The reading is a small tokenizer, not a browser's parser: tags, comments, `<!…>` and `<?…>`
//! are read and dropped; the contents of `script`, `style`, `template`, `textarea` and the other
//! raw-text elements are skipped whole (their end tag alone ends them, as in HTML); the
//! contents of what is not the article are left out: navigation, header and footer, forms,
//! asides, menus, dialogs, buttons, frames, SVG and MathML, anything `hidden` or
//! `aria-hidden="true"`, with a navigation, banner, footer, aside, form or search role, or whose
//! class or id names comments. What is left is cut into paragraphs at every block element
//! (`p`, `div`, headings, list items, quotes…); inside a paragraph, white space is collapsed and
//! character references are decoded. When the page has an `<article>`, only its paragraphs are
//! taken (a page's article is what the writer wants); else every paragraph of the body.
//!
//! The title is the article's (else the page's) first `<h1>`, else `og:title`, else `<title>`;
//! a leading `h1` that is the title is not repeated as a paragraph.

/// What a saved page gave: its title, if it has one, and its paragraphs in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Page {
    /// The paragraphs as the studio's text box takes them: a blank line between each two.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Whether `text` (a file's, or a drop's) looks like an HTML page rather than plain text.
pub fn looks_like_html(name: &str, text: &str) -> bool {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return true;
    }
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements whose text is raw: everything up to their own end tag is one piece of text (or,
/// here, nothing).
const RAW_TEXT: [&str; 9] = [
    "script", "style", "template", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements whose contents are not the article.
const LEFT_OUT: [&str; 15] = [
    "nav", "header", "footer", "form", "aside", "menu", "dialog", "button", "select", "svg",
    "math", "object", "canvas", "figure", "head",
];

/// Roles whose elements are not the article.
const LEFT_OUT_ROLES: [&str; 7] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "form",
    "search",
    "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 25] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "body",
    "table",
    "tr",
    "td",
    "th",
    "hr",
];

/// Elements that have no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// One tag as read: its name (lowercase), whether it ends an element, whether it closes
/// itself (`<x/>`), and its attributes (names lowercase, values decoded).
struct Tag {
    name: String,
    end: bool,
    attributes: Vec<(String, String)>,
}

impl Tag {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether this element's contents are not the article.
    fn left_out(&self) -> bool {
        let names_comments = |v: &str| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| w.eq_ignore_ascii_case("comments") || w.eq_ignore_ascii_case("comment"))
        };
        LEFT_OUT.contains(&self.name.as_str())
            || self.attribute("hidden").is_some()
            || self
                .attribute("aria-hidden")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || self
                .attribute("role")
                .is_some_and(|r| LEFT_OUT_ROLES.contains(&r.to_ascii_lowercase().as_str()))
            || self.attribute("class").is_some_and(names_comments)
            || self.attribute("id").is_some_and(names_comments)
    }
}

/// Reads the tag that starts at `at` (just after its `<`); returns it and where it ends (after
/// its `>`), or `None` when this `<` starts no tag (then it is text).
fn read_tag(html: &str, at: usize) -> Option<(Tag, usize)> {
    let bytes = html.as_bytes();
    let mut i = at;
    let end = bytes.get(i) == Some(&b'/');
    if end {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return Some((
                Tag {
                    name,
                    end,
                    attributes,
                },
                i,
            ));
        }
        if bytes[i] == b'>' {
            return Some((
                Tag {
                    name,
                    end,
                    attributes,
                },
                i + 1,
            ));
        }
        let a = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        // An attribute name never starts with `=`: take it as one character, as HTML does.
        if i == a {
            i += 1;
        }
        let attribute = html[a..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let v = i + 1;
                    let close = html[v..].find(q as char).map_or(html.len(), |n| v + n);
                    value = decode(&html[v..close]);
                    i = (close + 1).min(html.len());
                }
                _ => {
                    let v = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&html[v..i]);
                }
            }
        }
        attributes.push((attribute, value));
    }
}

/// Where the raw text of `name` that starts at `at` ends: the start of its end tag (compared
/// without regard to case), or the end of the page.
fn raw_text_end(html: &str, at: usize, name: &str) -> usize {
    let lower = html[at..].to_ascii_lowercase();
    let close = format!("</{name}");
    let mut from = 0;
    while let Some(n) = lower[from..].find(&close) {
        let after = lower.as_bytes().get(from + n + close.len());
        if after.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/') {
            return at + from + n;
        }
        from += n + close.len();
    }
    html.len()
}

/// One open element, as the reading keeps it.
struct Open {
    name: String,
    left_out: bool,
    article: bool,
}

/// The paragraphs being gathered: the current one's text, and those done (each with whether
/// it sits in an `<article>` and whether it is an `h1`).
#[derive(Default)]
struct Gathered {
    current: String,
    current_h1: bool,
    current_in_article: bool,
    done: Vec<(String, bool, bool)>,
}

impl Gathered {
    fn push_text(&mut self, text: &str, in_article: bool, in_h1: bool) {
        if text.chars().all(|c| c.is_ascii_whitespace()) {
            if !self.current.is_empty() {
                self.current.push(' ');
            }
            return;
        }
        if self.current.trim().is_empty() {
            self.current_in_article = in_article;
            self.current_h1 = in_h1;
        }
        self.current.push_str(text);
    }

    fn flush(&mut self) {
        let text = collapse(&self.current);
        if !text.is_empty() {
            self.done
                .push((text, self.current_in_article, self.current_h1));
        }
        self.current.clear();
    }
}

/// `text` with every run of HTML's white space one space, trimmed, as a browser shows it (a
/// no-break space is not white space there: it stays, as the article has it).
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title and readable paragraphs of a saved page (the module's doc says how).
pub fn read(html: &str) -> Page {
    let bytes = html.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut gathered = Gathered::default();
    let mut title_tag = None::<String>;
    let mut og_title = None::<String>;
    let mut has_article = false;
    let mut i = 0;
    let mut text_start = 0;
    let left_out = |open: &[Open]| open.iter().any(|o| o.left_out);
    let in_article = |open: &[Open]| open.iter().any(|o| o.article);
    let in_h1 = |open: &[Open]| open.iter().any(|o| o.name == "h1");
    while i < bytes.len() {
        // A `<` that starts no tag, comment or declaration is text.
        let markup = bytes[i] == b'<'
            && match bytes.get(i + 1) {
                Some(b'!' | b'?') => true,
                Some(b'/') => bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic(),
                None => false,
            };
        if !markup {
            i += 1;
            continue;
        }
        // The text before this `<`.
        if !left_out(&open) && text_start < i {
            gathered.push_text(
                &decode(&html[text_start..i]),
                in_article(&open),
                in_h1(&open),
            );
        }
        let rest = &html[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(html.len(), |n| i + 4 + n + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |n| i + n + 1);
        } else if let Some((tag, after)) = read_tag(html, i + 1) {
            i = after;
            if tag.end {
                if BLOCKS.contains(&tag.name.as_str()) || tag.name == "br" {
                    gathered.flush();
                }
                // Close up to the innermost element of that name; an end tag with no open
                // element of its name is dropped.
                if let Some(n) = open.iter().rposition(|o| o.name == tag.name) {
                    open.truncate(n);
                }
            } else if tag.name == "title" {
                let end = raw_text_end(html, i, "title");
                if title_tag.is_none() {
                    title_tag = Some(collapse(&decode(&html[i..end])));
                }
                i = end;
            } else if RAW_TEXT.contains(&tag.name.as_str()) {
                i = raw_text_end(html, i, &tag.name);
            } else {
                if tag.name == "meta"
                    && tag
                        .attribute("property")
                        .is_some_and(|p| p.eq_ignore_ascii_case("og:title"))
                {
                    og_title = tag.attribute("content").map(collapse);
                }
                if BLOCKS.contains(&tag.name.as_str()) {
                    gathered.flush();
                }
                if tag.name == "br" && !gathered.current.is_empty() {
                    gathered.current.push(' ');
                }
                if !VOID.contains(&tag.name.as_str()) {
                    // A `<p>` ends an open one (HTML's implied end tag).
                    if tag.name == "p" {
                        if let Some(n) = open.iter().rposition(|o| o.name == "p") {
                            open.truncate(n);
                        }
                    }
                    let article = tag.name == "article";
                    let out = tag.left_out();
                    has_article |= article && !out && !left_out(&open);
                    open.push(Open {
                        name: tag.name,
                        left_out: out,
                        article,
                    });
                }
            }
        } else {
            // Not reached (`markup` is what `read_tag` reads): the `<` is dropped.
            i += 1;
        }
        text_start = i;
    }
    if !left_out(&open) && text_start < bytes.len() {
        gathered.push_text(
            &decode(&html[text_start..]),
            in_article(&open),
            in_h1(&open),
        );
    }
    gathered.flush();

    let mut kept: Vec<(String, bool)> = gathered
        .done
        .into_iter()
        .filter(|(_, in_article, _)| !has_article || *in_article)
        .map(|(text, _, h1)| (text, h1))
        .collect();
    let h1 = kept.iter().find(|(_, h1)| *h1).map(|(t, _)| t.clone());
    // The title is not a paragraph of the text.
    if let Some(n) = kept.iter().position(|(_, h1)| *h1) {
        if kept[..n].len() <= 2 {
            kept.remove(n);
        }
    }
    let title = h1.or(og_title).or(title_tag).filter(|t| !t.is_empty());
    Page {
        title,
        paragraphs: kept.into_iter().map(|(t, _)| t).collect(),
    }
}

/// `text` with its character references decoded (`&amp;`, `&#8217;`, `&#x201c;`, and the named
/// ones a news page uses); an unknown or broken one stays as written.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(n) = rest.find('&') {
        out.push_str(&rest[..n]);
        rest = &rest[n..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(number) = name.strip_prefix('#') {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            code.and_then(char::from_u32)
                .filter(|c| *c != '\0')
                .map(String::from)
        } else {
            named(name).map(String::from)
        };
        match decoded {
            Some(d) => {
                out.push_str(&d);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "sbquo" => "‚",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "middot" => "·",
        "bull" => "•",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "ouml" => "ö",
        "uuml" => "ü",
        "auml" => "ä",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "shy" => "\u{ad}",
        "zwj" => "\u{200d}",
        "zwnj" => "\u{200c}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Japan and South Korea sound alarm | The Site</title>
<meta property="og:title" content="Japan &amp; South Korea sound alarm">
<script>document.title = "<p>not text</p>"; alert(1)</script>
<style>p { color: red } </style>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<p>Subscribe today</p></header>
<!-- <p>a comment is not text</p> -->
<main>
<article>
<h1>Japan and South Korea sound alarm over Putin-Kim military pact</h1>
<p class="byline">By <a href="/a">A Writer</a></p>
<p>Japan and South Korea have expressed &ldquo;grave concern&rdquo; over the
   defence pact signed between Russia&rsquo;s Vladimir Putin and North Korea&#8217;s Kim Jong Un.</p>
<p>&#x201C;It is regrettable,&#x201D; Seoul said<br>on Thursday.
<p>An implied end tag closed the one before.</p>
<figure><img src="x.jpg" alt="a photo"><figcaption>Caption, not text</figcaption></figure>
<aside>Related: other stories</aside>
<form><label>Leave feedback</label><textarea>typed</textarea><button>Send</button></form>
</article>
<section id="comments"><p>First!</p></section>
</main>
<p>Outside the article</p>
<footer><p>© The Site</p></footer>
<script src="tracker.js"></script>
</body></html>"#;

    #[test]
    fn a_news_page_gives_its_title_and_its_article_s_paragraphs() {
        let page = read(NEWS_PAGE);
        assert_eq!(
            page.title.as_deref(),
            Some("Japan and South Korea sound alarm over Putin-Kim military pact")
        );
        assert_eq!(
            page.paragraphs,
            [
                "By A Writer",
                "Japan and South Korea have expressed “grave concern” over the defence pact signed between Russia’s Vladimir Putin and North Korea’s Kim Jong Un.",
                "“It is regrettable,” Seoul said on Thursday.",
                "An implied end tag closed the one before.",
            ]
        );
        assert!(page.text().contains("Un.\n\n“It is"));
    }

    #[test]
    fn without_an_article_the_body_s_paragraphs_and_the_page_s_titles() {
        let page = read(
            "<html><head><title>The &quot;title&quot;</title></head><body><nav>Menu</nav>\
             <div>One <b>bold</b> line</div><div><div>Two</div></div><footer>Foot</footer>",
        );
        assert_eq!(page.title.as_deref(), Some("The \"title\""));
        assert_eq!(page.paragraphs, ["One bold line", "Two"]);
        let page = read(
            r#"<head><meta content="Og title" property="og:title"><title>T</title></head><p>x"#,
        );
        assert_eq!(page.title.as_deref(), Some("Og title"));
        assert_eq!(page.paragraphs, ["x"]);
    }

    #[test]
    fn hidden_things_and_roles_are_left_out() {
        let page = read(
            r#"<body><div role="navigation">Nav</div><div hidden>Hidden</div>
            <p aria-hidden="true">Aria</p><div class="comment-list"><p>Said</p></div>
            <div role="banner">Ban</div><p>Kept</p><noscript><p>Enable JS</p></noscript>
            <template><p>Tpl</p></template><svg><text>Svg</text></svg><p>Also kept</p></body>"#,
        );
        assert_eq!(page.paragraphs, ["Kept", "Also kept"]);
    }

    #[test]
    fn hostile_pages_give_text_never_markup_and_never_panic() {
        let pages = [
            "<p>a</p><script>alert('</p><p>')</script><p>b</p>",
            "<p>a</p><SCRIPT type=x>alert(1)</ScRiPt ><p>b</p>",
            "<p>a<img src=x onerror=alert(1)>b</p>",
            "<p>1 < 2 and 3 > 2</p>",
            "<p>unclosed <b",
            "<p title='unclosed",
            "<script>never closed <p>x</p>",
            "<!-- never closed <p>x</p>",
            "<p>&#0;&#xD800;&#99999999999;&bogus;&amp</p>",
            "</p></div></nav><p>stray end tags</p>",
            "<<<>>>&&&;;;",
            "<p =x>odd</p><p a==b>attr</p>",
            "",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe><p>after</p>",
            "<p>é — “ü” 漢字</p><p>\u{feff}bom</p><p>mutual&nbsp;defence\u{a0}pact</p>",
        ];
        for html in pages {
            let page = read(html);
            for p in &page.paragraphs {
                assert!(!p.contains("alert"), "{html:?} gave {p:?}");
                assert!(
                    !p.contains("<p") && !p.contains("onerror"),
                    "{html:?} gave {p:?}"
                );
            }
        }
        assert_eq!(read(pages[0]).paragraphs, ["a", "b"]);
        assert_eq!(read(pages[1]).paragraphs, ["a", "b"]);
        assert_eq!(read(pages[2]).paragraphs, ["ab"]);
        assert_eq!(read(pages[3]).paragraphs, ["1 < 2 and 3 > 2"]);
        assert_eq!(read(pages[6]).paragraphs, Vec::<String>::new());
        assert_eq!(
            read(pages[8]).paragraphs,
            ["&#0;&#xD800;&#99999999999;&bogus;&"]
        );
        assert_eq!(read(pages[9]).paragraphs, ["stray end tags"]);
        assert_eq!(read(pages[13]).paragraphs, ["after"]);
        assert_eq!(
            read(pages[14]).paragraphs,
            [
                "é — “ü” 漢字",
                "\u{feff}bom",
                "mutual\u{a0}defence\u{a0}pact"
            ]
        );
    }

    #[test]
    fn an_html_file_is_told_from_plain_text() {
        assert!(looks_like_html("story.HTML", "whatever"));
        assert!(looks_like_html("", "\u{feff}  <!DOCTYPE html><p>x"));
        assert!(looks_like_html("x.txt", "<html lang=en>"));
        assert!(!looks_like_html("x.txt", "Japan and <b>South</b> Korea"));
        assert!(!looks_like_html("x.md", "# Title\n\ntext"));
    }
}
