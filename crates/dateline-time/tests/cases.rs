//! The data-driven case table in `cases.txt`: real-world forms with their expected UTC minute.

use chrono::{DateTime, NaiveDate, Utc};
use dateline_time::{Context, DstPolicy, Tz, ZoneOrigin, find_stamp, resolve};

const CASES: &str = include_str!("cases.txt");

fn context(zone: &str, page: &str, country: &str, options: &[&str]) -> Result<Context, String> {
    let mut ctx = Context::default();
    if zone != "-" {
        let tz: Tz = zone.parse().map_err(|e| format!("zone {zone}: {e}"))?;
        ctx = ctx.with_zone(tz, ZoneOrigin::Caller);
    }
    if page != "-" {
        let d = NaiveDate::parse_from_str(page, "%Y-%m-%d").map_err(|e| format!("{page}: {e}"))?;
        ctx = ctx.with_page_date(d);
    }
    if country != "-" {
        ctx = ctx.with_country(country);
    }
    for option in options {
        match option.split_once('=') {
            Some(("dst", "earlier")) => ctx = ctx.with_dst(DstPolicy::Earlier),
            Some(("dst", "later")) => ctx = ctx.with_dst(DstPolicy::Later),
            Some(("dst", "reject")) => ctx = ctx.with_dst(DstPolicy::Reject),
            Some(("now", when)) => {
                let now = DateTime::parse_from_rfc3339(when)
                    .map_err(|e| format!("now={when}: {e}"))?
                    .with_timezone(&Utc);
                ctx = ctx.with_now(now);
            }
            _ => return Err(format!("unknown option `{option}`")),
        }
    }
    Ok(ctx)
}

fn check(text: &str, ctx: &Context, expected: &str) -> Result<(), String> {
    let stamp = find_stamp(text);
    match (expected, stamp) {
        ("none", None) => Ok(()),
        ("none", Some(s)) => Err(format!("found {:?} ({})", s.text, s.form.name())),
        (_, None) => Err("no stamp found".to_owned()),
        ("error", Some(s)) => match resolve(&s, ctx) {
            Err(_) => Ok(()),
            Ok(r) => Err(format!("resolved to {}", r.utc)),
        },
        (want, Some(s)) => match resolve(&s, ctx) {
            Err(e) => Err(format!("error: {e}")),
            Ok(r) => {
                let got = r.utc.format("%Y-%m-%dT%H:%MZ").to_string();
                if got == want {
                    Ok(())
                } else {
                    Err(format!(
                        "got {got} via {:?} ({}), want {want}",
                        s.text,
                        s.form.name()
                    ))
                }
            }
        },
    }
}

#[test]
fn case_table() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [text, zone, page, country, expected, options @ ..] = cols.as_slice() else {
            failures.push(format!("line {}: needs 5 columns: {line}", n + 1));
            continue;
        };
        count += 1;
        // A `|` the page prints is written `\|`, so that ` | ` only separates columns.
        let text = text.replace("\\|", "|");
        let result =
            context(zone, page, country, options).and_then(|ctx| check(&text, &ctx, expected));
        if let Err(why) = result {
            failures.push(format!("line {}: {text:?}: {why}", n + 1));
        }
    }
    assert!(count >= 300, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
