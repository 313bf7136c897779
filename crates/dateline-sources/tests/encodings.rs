//! Pages in other encodings than UTF-8, or with bytes that are not valid in theirs, generated from
//! the seeds and read whole: one bad byte costs one character, never the page.

use dateline_sources::{Options, read};

const DW: &[u8] = include_bytes!("../../../seeds/001_161423c300b0b6e9.txt");

fn lines(bytes: &[u8]) -> u32 {
    u32::try_from(bytes.iter().filter(|b| **b == b'\n').count()).unwrap_or(u32::MAX)
}

#[test]
fn one_bad_byte_appended_to_the_dw_seed_costs_one_character_not_its_posts() {
    let options = Options::default();
    let (clean, _) = read("dw.txt", DW, &options);
    assert_eq!(clean.posts.len(), 99);

    let mut bytes = DW.to_vec();
    bytes.push(0xFF);
    let (damaged, diagnostics) = read("dw.txt", &bytes, &options);
    assert_eq!(damaged.posts.len(), clean.posts.len());
    let texts = |d: &dateline_model::Document| -> Vec<String> {
        d.posts.iter().map(|p| p.text.clone()).collect()
    };
    assert_eq!(texts(&damaged), texts(&clean));
    // No no-break space became `Â`: the page stayed UTF-8.
    assert!(damaged.posts.iter().all(|p| !p.text.contains('Â')));
    let warning = diagnostics
        .iter()
        .find(|d| d.code == "invalid-bytes")
        .expect("a warning for the bad byte");
    // The seed does not end with a line end: the byte is on its last line.
    assert_eq!(warning.line, Some(lines(DW) + 1));
    assert!(
        warning
            .message
            .starts_with("1 byte sequence was not valid UTF-8, on line "),
        "{}",
        warning.message
    );
    assert!(diagnostics.iter().all(|d| d.code != "not-utf8"));
}

#[test]
fn bad_bytes_in_the_middle_of_the_dw_seed_are_named_by_their_lines() {
    let mut bytes = Vec::new();
    let mut expected = Vec::new();
    for (n, line) in DW.split_inclusive(|b| *b == b'\n').enumerate() {
        match line.strip_suffix(b"\n") {
            // A stray Windows-1252 quote at the end of some lines of text.
            Some(text) if n % 40 == 10 && text.len() > 40 => {
                bytes.extend_from_slice(text);
                bytes.extend_from_slice(b"\x94\n");
                expected.push(u32::try_from(n + 1).unwrap_or(u32::MAX));
            }
            _ => bytes.extend_from_slice(line),
        }
    }
    let (doc, diagnostics) = read("dw.txt", &bytes, &Options::default());
    assert_eq!(doc.posts.len(), 99);
    let warning = diagnostics
        .iter()
        .find(|d| d.code == "invalid-bytes")
        .expect("a warning for the bad bytes");
    assert_eq!(warning.line, expected.first().copied());
    assert!(expected.len() > 5);
    let named: Vec<String> = expected.iter().take(5).map(u32::to_string).collect();
    let lines = format!(
        "{} byte sequences were not valid UTF-8, on lines {} and {} more lines,",
        expected.len(),
        named.join(", "),
        expected.len() - 5
    );
    assert!(warning.message.starts_with(&lines), "{}", warning.message);
}

#[test]
fn the_dw_seed_in_utf16_without_a_bom_reads_like_itself() {
    let text = std::str::from_utf8(DW).expect("the seed is UTF-8");
    let (clean, _) = read("dw.txt", DW, &Options::default());
    for big_endian in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let (doc, diagnostics) = read("dw.txt", &bytes, &Options::default());
        assert_eq!(
            doc.posts.len(),
            clean.posts.len(),
            "big endian: {big_endian}"
        );
        assert!(diagnostics.iter().any(|d| d.code == "utf-16"));
        assert!(diagnostics.iter().all(|d| d.code != "not-a-page"));
    }
}
