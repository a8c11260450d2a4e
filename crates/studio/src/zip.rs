//! A `.zip` of stored (uncompressed) entries: the article folder the writer downloads. Its
//! files are a few kilobytes of text, so compressing them would save little and cost a
//! deflate coder in the wasm; stored entries are what every unzip tool reads. Every entry has
//! the same fixed date (1 January 1980, the format's first), so the same files always give the
//! same bytes.

/// The CRC-32 (IEEE, as zip uses) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// DOS time 00:00, date 1980-01-01.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11 of the flags: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip archive of `files` (path inside the archive, contents), in that order. Paths use `/`.
/// Archives over 4 GiB (zip64) are not written: an article is far smaller (the content
/// pipeline's limits refuse files over a few megabytes).
pub fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed: 2.0
        u16le(&mut out, UTF8_NAMES);
        u16le(&mut out, 0); // stored
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name_len);
        u16le(&mut out, 0); // no extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // made by: 2.0, MS-DOS attributes
        u16le(&mut central, 20);
        u16le(&mut central, UTF8_NAMES);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name_len);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (central_offset, central_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    // End of central directory.
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

/// Reads the archive back through its central directory, as an unzip tool does.
#[cfg(test)]
pub(crate) fn read_back(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let le16 = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
    let le32 = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
    let end = zip.len() - 22;
    assert_eq!(le32(end), 0x0605_4b50);
    let (count, mut at) = (le16(end + 10), le32(end + 16));
    let mut files = Vec::new();
    for _ in 0..count {
        assert_eq!(le32(at), 0x0201_4b50);
        let (crc, size, name_len, local) =
            (le32(at + 16), le32(at + 20), le16(at + 28), le32(at + 42));
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(le32(local), 0x0403_4b50);
        let data_at = local + 30 + le16(local + 26) + le16(local + 28);
        let data = zip[data_at..data_at + size].to_vec();
        assert_eq!(crc32(&data) as usize, crc);
        files.push((name, data));
        at += 46 + name_len;
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_texts() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn files_come_back_as_they_went_in() {
        let files: [(&str, &[u8]); 3] = [
            ("harbour/meta.toml", b"title = \"A\"\n"),
            (
                "harbour/article.md",
                "Quell’s “oldest promise”.\n".as_bytes(),
            ),
            ("harbour/quotes.toml", b""),
        ];
        let zip = stored_zip(&files);
        let back = read_back(&zip);
        assert_eq!(back.len(), 3);
        for ((name, data), (n, d)) in files.iter().zip(&back) {
            assert_eq!((*name, *data), (n.as_str(), d.as_slice()));
        }
        // The same files, the same bytes.
        assert_eq!(zip, stored_zip(&files));
    }

    #[test]
    fn an_empty_archive_is_only_its_end_record() {
        assert_eq!(stored_zip(&[]).len(), 22);
    }
}
