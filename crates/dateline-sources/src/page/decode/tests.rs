use encoding_rs::{SHIFT_JIS, WINDOWS_1251};

use super::*;

fn decoded(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let text = decode(bytes, &mut d);
    (text, d)
}

fn codes(d: &[Diagnostic]) -> Vec<&str> {
    d.iter().map(|d| d.code.as_str()).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf8_is_read_as_it_is_and_its_bom_stripped_with_nothing_to_say() {
    assert_eq!(
        decoded("plain ASCII\nand UTF-8: café €".as_bytes()).1,
        vec![]
    );
    let (text, d) = decoded(b"\xEF\xBB\xBFabc");
    assert_eq!(text, "abc");
    assert!(d.is_empty());
}

#[test]
fn a_few_invalid_bytes_in_utf8_are_each_one_replacement_and_their_lines_are_named() {
    let mut bytes = "Forstærket\u{A0}vagt\n".repeat(5).into_bytes();
    bytes.extend_from_slice(b"one bad \xFF byte\nfine\ntwo \xC3 bad\r\n\xE2\x80 more\n");
    let (text, d) = decoded(&bytes);
    assert!(text.starts_with("Forstærket\u{A0}vagt\n"));
    assert!(text.ends_with("one bad \u{FFFD} byte\nfine\ntwo \u{FFFD} bad\r\n\u{FFFD} more\n"));
    assert_eq!(codes(&d), ["invalid-bytes"]);
    assert_eq!(d[0].line, Some(6));
    insta::assert_snapshot!(d[0].message, @"3 byte sequences were not valid UTF-8, on lines 6, 8 and 9, each read as U+FFFD (�); the rest of the page was read as UTF-8; if those lines matter, save the page again from its source");
}

#[test]
fn lines_past_the_fifth_are_counted() {
    assert_eq!(name_lines(&[4]), "on line 4");
    assert_eq!(name_lines(&[4, 9]), "on lines 4 and 9");
    assert_eq!(
        name_lines(&[1, 2, 3, 4, 5, 6, 7]),
        "on lines 1, 2, 3, 4, 5 and 2 more lines"
    );
}

#[test]
fn a_windows_1252_page_is_guessed_and_its_curly_quotes_and_euro_read_right() {
    let (text, d) = decoded(b"ok\nna\xEFve \x93quoted\x94 \x80 caf\xE9");
    assert_eq!(
        text,
        "ok\nna\u{EF}ve \u{201C}quoted\u{201D} \u{20AC} caf\u{E9}"
    );
    assert_eq!(codes(&d), ["not-utf8"]);
    assert_eq!(d[0].line, Some(2));
    insta::assert_snapshot!(d[0].message, @"the page is not UTF-8 and declares no encoding: 5 byte sequences from this line on are not UTF-8, and 0 beyond ASCII are UTF-8; it reads best as windows-1252 (guessed from its bytes) and was decoded so; if its accents look wrong, save it again as UTF-8");
}

#[test]
fn a_latin1_page_is_detected_by_chardetng() {
    let text = "Le gouvernement a annoncé vendredi que la réforme des retraites sera présentée \
                en février; les syndicats déclarent qu'ils s'opposeront à ce projet.\n";
    let (bytes, _, _) = WINDOWS_1252.encode(text);
    let (read, d) = decoded(&bytes);
    assert_eq!(read, text);
    assert_eq!(codes(&d), ["not-utf8"]);
    assert!(d[0].message.contains("windows-1252"), "{}", d[0].message);
}

#[test]
fn a_cyrillic_page_without_a_declaration_is_guessed_as_such() {
    let text = "Правительство объявило в пятницу, что реформа будет представлена в феврале, \
                а профсоюзы заявили, что выступят против проекта.\n";
    let (bytes, _, _) = WINDOWS_1251.encode(text);
    let (read, d) = decoded(&bytes);
    assert_eq!(read, text);
    assert!(d[0].message.contains("windows-1251"), "{}", d[0].message);
}

#[test]
fn a_shift_jis_page_is_read_in_the_encoding_its_meta_declares() {
    let page = "<!DOCTYPE html><html><head><meta charset=\"shift_jis\"><title>速報</title></head>\
                <body><p>2020年1月3日 東京で地震がありました。</p></body></html>\n";
    let (bytes, _, unmappable) = SHIFT_JIS.encode(page);
    assert!(!unmappable);
    let (read, d) = decoded(&bytes);
    assert_eq!(read, page);
    assert_eq!(codes(&d), ["declared-encoding"]);
    insta::assert_snapshot!(d[0].message, @"the page declares Shift_JIS (<meta charset>) and was decoded as Shift_JIS");
}

#[test]
fn a_declared_legacy_encoding_gives_way_to_valid_utf8_beyond_ascii() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                charset=iso-8859-1\"></head><body>Forstærket politi</body></html>";
    let (read, d) = decoded(page.as_bytes());
    assert_eq!(read, page);
    assert_eq!(codes(&d), ["declared-encoding-ignored"]);
    // Pure ASCII reads the same either way, with nothing to say.
    let (read, d) = decoded(b"<meta charset=iso-8859-1><p>ASCII only</p>");
    assert_eq!(read, "<meta charset=iso-8859-1><p>ASCII only</p>");
    assert!(d.is_empty());
    // Nor does one bad byte among many UTF-8 characters make it the declared encoding.
    let mut bytes = page.replace("politi", "politi \u{2014} ærø").into_bytes();
    bytes.extend_from_slice(b"\n\xFF");
    let (read, d) = decoded(&bytes);
    assert!(read.contains("Forstærket politi — ærø"), "{read}");
    assert_eq!(codes(&d), ["declared-encoding-ignored", "invalid-bytes"]);
    assert_eq!(d[1].line, Some(2));
    // But a declared ISO-8859-1 page that is not UTF-8 is read in it.
    let (read, d) = decoded(b"<meta charset=iso-8859-1><p>caf\xE9</p>");
    assert_eq!(read, "<meta charset=iso-8859-1><p>caf\u{E9}</p>");
    assert_eq!(codes(&d), ["declared-encoding"]);
}

#[test]
fn a_page_that_declares_utf8_but_is_not_is_guessed_with_a_warning_that_says_so() {
    let (read, d) = decoded(b"<meta charset=utf-8><p>caf\xE9 \x93ol\xE9\x94</p>");
    assert_eq!(
        read,
        "<meta charset=utf-8><p>caf\u{E9} \u{201C}ol\u{E9}\u{201D}</p>"
    );
    assert!(d[0].message.contains("although it declares UTF-8"));
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    assert_eq!(decoded(b"\xFF\xFEa\x00b\x00").0, "ab");
    assert_eq!(decoded(b"\xFE\xFF\x00a\x00b").0, "ab");
    // A lone surrogate is one replacement, named by its line.
    let (text, d) = decoded(b"\xFF\xFEa\x00\n\x00\x00\xD8b\x00");
    assert_eq!(text, "a\n\u{FFFD}b");
    assert_eq!(codes(&d), ["utf-16", "invalid-bytes"]);
    assert_eq!(d[1].line, Some(2));
}

#[test]
fn utf16_without_a_bom_is_found_by_its_zero_bytes() {
    let text = "Storm live: the latest\r\n\r\nFriday 03 January 2020 09:00 GMT — café\r\n";
    for big_endian in [false, true] {
        let (read, d) = decoded(&utf16(text, big_endian));
        assert_eq!(read, text, "big endian: {big_endian}");
        assert_eq!(codes(&d), ["utf-16"]);
        let name = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
        assert!(d[0].message.contains(name), "{}", d[0].message);
    }
}

#[test]
fn images_archives_binary_and_empty_files_are_not_pages() {
    for (bytes, what) in [
        (&b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], "a PNG image"),
        (&b"\x1F\x8B\x08\x00\x00\x00"[..], "gzip-compressed"),
        (&b"abc\x00\x00\x00\x00def"[..], "binary data"),
        // Zero bytes in step, but what they decode to is control characters, not text.
        (
            &b"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00"[..],
            "binary data",
        ),
    ] {
        let (text, d) = decoded(bytes);
        assert_eq!(text, "");
        assert_eq!(d[0].code, "not-a-page");
        assert!(d[0].message.contains(what), "{}", d[0].message);
    }
    let (text, d) = decoded(b"");
    assert_eq!(text, "");
    assert_eq!(d[0].code, "empty-page");
    let (_, d) = decoded(b"\n \r\n");
    assert!(d[0].message.contains("only blank lines"));
}

#[test]
fn iso_2022_jp_is_found_in_seven_bit_text() {
    let text = "東京で地震がありました。\n";
    let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode(text);
    assert!(bytes.is_ascii());
    let (read, d) = decoded(&bytes);
    assert_eq!(read, text);
    assert_eq!(codes(&d), ["guessed-encoding"]);
}

#[test]
fn utf8_saved_again_through_windows_1252_is_repaired_when_all_of_it_pairs_up() {
    let original = "Politiet\n\nForstærket vagt ved skolerne — “tryghed” først\u{81}\n";
    let mojibake = WINDOWS_1252
        .decode_without_bom_handling(original.as_bytes())
        .0
        .into_owned();
    assert!(mojibake.contains("ForstÃ¦rket"), "{mojibake}");
    let (read, d) = decoded(mojibake.as_bytes());
    assert_eq!(read, original);
    assert_eq!(codes(&d), ["mojibake-repaired"]);
    assert_eq!(d[0].line, Some(3));
    // One real character that does not pair up, and the text is left as it is.
    for real in ["é", "’", "✕"] {
        let mixed = format!("{mojibake}{real}\n");
        let (read, d) = decoded(mixed.as_bytes());
        assert_eq!(read, mixed);
        assert!(d.is_empty(), "{real}: {d:?}");
    }
    // Real text that happens to hold an `Ã` is not touched either.
    let real = "SÃO PAULO — Ã¼ber nothing\n";
    assert_eq!(decoded(real.as_bytes()).0, real);
}
