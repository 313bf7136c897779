//! Every seed page, and every page fixture (saved HTML and its text copy), read into a document,
//! rendered as readable text and pinned as a snapshot: layout, metadata, every post with its time
//! and basis, every dropped run, every diagnostic.

use std::fmt::Write;

use dateline_model::{Diagnostic, Document, ResolvedTime};
use dateline_sources::{Options, read};

fn time(t: &Option<ResolvedTime>) -> String {
    match t {
        None => "-".to_owned(),
        Some(t) => {
            let mut s = format!(
                "{} <- `{}` line {} {:?} [{}] rule={} zone-source={}",
                t.utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                t.raw,
                t.line,
                t.span,
                t.zone,
                t.basis.rule,
                serde_json::to_string(&t.basis.zone_source).unwrap_or_default(),
            );
            if !t.basis.inferred.is_empty() {
                let inferred = serde_json::to_string(&t.basis.inferred).unwrap_or_default();
                let _ = write!(s, " inferred={inferred}");
            }
            for note in &t.basis.notes {
                let _ = write!(s, " note=`{note}`");
            }
            s
        }
    }
}

fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn render(doc: &Document, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "layout: {}", doc.layout);
    let _ = writeln!(o, "kind: {:?}", doc.kind);
    let _ = writeln!(o, "outlet: {:?}", doc.outlet);
    let _ = writeln!(o, "title: {:?}", doc.title);
    let _ = writeln!(o, "standfirst: {:?}", doc.standfirst);
    let _ = writeln!(o, "bylines: {:?}", doc.bylines);
    let _ = writeln!(o, "published: {}", time(&doc.published));
    let _ = writeln!(o, "updated: {}", time(&doc.updated));
    let _ = writeln!(o, "declared_posts: {:?}", doc.declared_posts);
    let _ = writeln!(
        o,
        "zone_statement: {:?}",
        doc.zone_statement
            .as_ref()
            .map(|z| (z.line, &z.text, &z.zone))
    );
    let _ = writeln!(o, "summary:");
    for s in &doc.summary {
        let _ = writeln!(o, "  - {}", short(s));
    }
    let _ = writeln!(o, "posts: {}", doc.posts.len());
    for p in &doc.posts {
        let id_line = p.id.rsplit(':').next().unwrap_or_default();
        // An HTML page's post also cites the file's own line and column.
        let file = p
            .source
            .map_or_else(String::new, |s| format!(" file {}:{}", s.line, s.column));
        let _ = writeln!(
            o,
            "- post line {} (id …:{id_line}) lines {:?}{file}",
            p.line, p.lines
        );
        let _ = writeln!(o, "    time: {}", time(&p.time));
        if !p.visible {
            let _ = writeln!(o, "    not on the visible page (machine data only)");
        }
        if let Some(a) = &p.author {
            let _ = writeln!(o, "    author: {a}");
        }
        if let Some(h) = &p.headline {
            let _ = writeln!(o, "    headline: {}", short(h));
        }
        if let Some(a) = &p.attribution {
            let _ = writeln!(o, "    attribution: {a}");
        }
        let paragraphs = p.text.split("\n\n").count();
        let text = short(&p.text).replace("\n\n", " ¶ ");
        let _ = writeln!(o, "    text ({paragraphs} ¶): {text}");
        for e in &p.expressions {
            let reading = match &e.interval {
                Some(i) => format!(
                    "{} .. {} {}",
                    i.start.format("%Y-%m-%dT%H:%MZ"),
                    i.end.format("%Y-%m-%dT%H:%MZ"),
                    serde_json::to_string(&i.granularity).unwrap_or_default()
                ),
                None => format!("recurring: {}", e.recurrence.as_deref().unwrap_or("?")),
            };
            let source = serde_json::to_string(&e.zone_source).unwrap_or_default();
            let _ = writeln!(
                o,
                "    expression line {} {:?} `{}` rule={} -> {reading} [{}] zone-source={source}",
                e.line, e.span, e.text, e.rule, e.zone
            );
            for a in &e.alternatives {
                let _ = writeln!(
                    o,
                    "      or {} .. {}",
                    a.start.format("%Y-%m-%dT%H:%MZ"),
                    a.end.format("%Y-%m-%dT%H:%MZ")
                );
            }
        }
    }
    let _ = writeln!(o, "dropped:");
    for d in &doc.dropped {
        let reason = serde_json::to_string(&d.reason).unwrap_or_default();
        let _ = writeln!(o, "  {:?} {reason}: {}", d.lines, d.sample);
    }
    let _ = writeln!(o, "diagnostics:");
    for d in diagnostics {
        let severity = serde_json::to_string(&d.severity).unwrap_or_default();
        let line = d.line.map_or("-".to_owned(), |l| l.to_string());
        let file = d
            .source
            .map_or_else(String::new, |s| format!(" (file {}:{})", s.line, s.column));
        let _ = writeln!(
            o,
            "  {severity} {} line {line}{file}: {}",
            d.code, d.message
        );
    }
    out
}

#[test]
fn seeds() {
    insta::glob!("../../../seeds", "*.txt", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (doc, diagnostics) = read(&name, &bytes, &Options::default());
        insta::assert_snapshot!(render(&doc, &diagnostics));
    });
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/pages", "*.{html,txt}", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (doc, diagnostics) = read(&name, &bytes, &Options::default());
        insta::assert_snapshot!(render(&doc, &diagnostics));
    });
}
