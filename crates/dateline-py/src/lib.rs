//! dateline for Python: the `dateline` package's native module, `dateline._dateline`.
//!
//! Three functions wire dateline's crates together as the CLI does, for a Python program:
//! `read` (one page to the JSON contract's document, `dateline parse`), `timeline` (pages to the
//! contract's timeline, `dateline timeline --format json`) and `times` (every time in a text,
//! `dateline time --format json`). What they return is the JSON contract as Python values (the
//! same dicts `json.loads` gives of the CLI's output), so the contract's documentation
//! (`docs/json.md`) is theirs. The pages are read with the GIL released, in parallel.
//!
//! The Python side (`python/dateline/__init__.py`) re-exports these with type stubs
//! (`__init__.pyi`); the tests are Python's (`tests/`, run with pytest on the installed wheel).
//!
//! ```python
//! import dateline
//! doc = dateline.read(open("page.html", "rb").read(), path="page.html")
//! print(doc["posts"][0]["time"]["utc"])
//! ```

#![deny(missing_docs)]

use chrono::{DateTime, Utc};
use dateline_merge::partition;
use dateline_model::{Diagnostic, Document, Severity};
use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

pyo3::create_exception!(
    dateline,
    DatelineError,
    PyValueError,
    "A value dateline cannot use (a zone, a country, a time), or pages none of which could be read; the message says what to do."
);

pyo3::create_exception!(
    dateline,
    DatelineWarning,
    PyUserWarning,
    "A warning dateline gives about a page it read, as the CLI prints on standard error."
);

/// What the user knows of the pages, checked as the CLI checks its flags.
fn options(
    zone: Option<&str>,
    country: Option<&str>,
    captured_at: Option<&Bound<'_, PyAny>>,
    layout: Option<String>,
) -> PyResult<dateline_sources::Options> {
    let mut options = dateline_sources::Options::default();
    options.zone = zone.map(zone_named).transpose()?;
    if let Some(code) = country {
        options.country = Some(country_code(code)?);
    }
    if let Some(at) = captured_at {
        options.captured_at = Some(instant("captured_at", at)?);
    }
    if let Some(name) = &layout
        && dateline_sources::layout(name).is_err()
    {
        return Err(DatelineError::new_err(format!(
            "unknown layout `{name}`; known layouts: {}",
            dateline_sources::layout_names().join(", ")
        )));
    }
    options.layout = layout;
    Ok(options)
}

/// The IANA zone `name`.
fn zone_named(name: &str) -> PyResult<dateline_time::Tz> {
    name.parse().map_err(|_| {
        DatelineError::new_err(format!(
            "zone `{name}` is not an IANA zone name; write it like Europe/London or America/New_York"
        ))
    })
}

/// An ISO 3166 alpha-2 code, upper case.
fn country_code(code: &str) -> PyResult<String> {
    let code = code.trim();
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(DatelineError::new_err(format!(
            "country `{code}` is not an ISO 3166 country code; write it like GB, IT or US"
        )));
    }
    Ok(code.to_ascii_uppercase())
}

/// An instant from an RFC 3339 string or an aware `datetime.datetime`.
fn instant(name: &str, value: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
    let text: String = if let Ok(text) = value.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if value.hasattr("isoformat")? {
        if value.getattr("tzinfo")?.is_none() {
            return Err(DatelineError::new_err(format!(
                "{name} is a datetime without a zone; give it a tzinfo (datetime.timezone.utc) or an RFC 3339 string such as 2020-01-03T12:44:00Z"
            )));
        }
        value.call_method0("isoformat")?.extract()?
    } else {
        return Err(DatelineError::new_err(format!(
            "{name} must be an RFC 3339 string such as 2020-01-03T12:44:00Z or an aware datetime"
        )));
    };
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            DatelineError::new_err(format!(
                "{name} `{text}` is not an RFC 3339 time ({e}); write it like 2020-01-03T12:44:00Z"
            ))
        })
}

/// A page's bytes: `bytes` as they are, `str` as UTF-8.
fn page_bytes<'a>(data: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(std::borrow::Cow::Borrowed(bytes.as_bytes()));
    }
    if let Ok(text) = data.cast::<PyString>() {
        return Ok(std::borrow::Cow::Owned(text.to_cow()?.as_bytes().to_vec()));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(
        "a page is bytes (as read from the file, in any encoding) or str",
    ))
}

/// A value serialised as the JSON contract, then loaded as Python values.
fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| DatelineError::new_err(format!("cannot serialise the result: {e}")))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// `path:line: warning[code]: message`, as the CLI prints it.
fn said(d: &Diagnostic) -> String {
    let mut at = d.path.clone().unwrap_or_default();
    if let Some(line) = d.line {
        at.push_str(&format!(":{line}"));
    }
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "info",
    };
    format!("{at}: {severity}[{}]: {}", d.code, d.message)
}

/// Issues a `DatelineWarning` for each warning or error among `diagnostics` (an error that does
/// not stop the call: a page of an archive that could not be read, damage after some pages).
fn warn(py: Python<'_>, diagnostics: &[Diagnostic]) -> PyResult<()> {
    let warnings = py.get_type::<DatelineWarning>();
    for d in diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
    {
        PyErr::warn(
            py,
            &warnings,
            &std::ffi::CString::new(said(d)).unwrap_or_default(),
            1,
        )?;
    }
    Ok(())
}

/// Reads one saved page (a text copy, saved HTML or MHTML) into the JSON contract's document.
///
/// `data` is the page's bytes (any encoding; a `str` is taken as UTF-8) and `path` the name it is
/// known by. `zone` (an IANA name), `country` (ISO 3166 alpha-2) and `captured_at` (when the page
/// was saved: an RFC 3339 string or an aware datetime) are what you know of the page, as the CLI's
/// `--zone`, `--country` and `--captured-at`; `layout` forces a layout. Warnings about the page
/// are issued as `DatelineWarning`s; a page that cannot be read at all raises `DatelineError`.
#[pyfunction]
#[pyo3(signature = (data, path = "-", zone = None, country = None, captured_at = None, layout = None))]
fn read<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    path: &str,
    zone: Option<&str>,
    country: Option<&str>,
    captured_at: Option<&Bound<'py, PyAny>>,
    layout: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(zone, country, captured_at, layout)?;
    let bytes = page_bytes(data)?;
    let bytes: &[u8] = &bytes;
    let (document, diagnostics) = py.detach(|| dateline_sources::read(path, bytes, &options));
    if let Some(error) = diagnostics.iter().find(|d| d.severity == Severity::Error) {
        return Err(DatelineError::new_err(said(error)));
    }
    warn(py, &diagnostics)?;
    to_python(py, &document)
}

/// Reads pages and merges them into the JSON contract's timeline, as `dateline timeline --format
/// json` does: documents in path order, a page saved twice read once, every report of the same
/// event merged, the diagnostics of every page and of the merge in `diagnostics`.
///
/// `pages` is an iterable of `(path, data)` pairs, `data` as for `read`. The other arguments are
/// those of `read`, applied to every page. Raises `DatelineError` when no page could be read.
#[pyfunction]
#[pyo3(signature = (pages, zone = None, country = None, captured_at = None, layout = None))]
fn timeline<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    zone: Option<&str>,
    country: Option<&str>,
    captured_at: Option<&Bound<'py, PyAny>>,
    layout: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(zone, country, captured_at, layout)?;
    let mut held = Vec::new();
    for pair in pages.try_iter()? {
        let pair = pair?;
        let (path, data): (String, Bound<'py, PyAny>) = pair.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err("each page is a (path, data) pair")
        })?;
        held.push((path, data));
    }
    let mut inputs = Vec::with_capacity(held.len());
    for (path, data) in &held {
        inputs.push((path.as_str(), page_bytes(data)?));
    }
    let inputs: Vec<(&str, &[u8])> = inputs.iter().map(|(p, b)| (*p, b.as_ref())).collect();
    let timeline = py.detach(|| {
        let pages: Vec<dateline_merge::Page> = inputs
            .par_iter()
            .map(|(path, bytes)| Ok(dateline_sources::read(path, bytes, &options)))
            .collect();
        let mut timeline = dateline_merge::gather(pages);
        if !timeline.documents.is_empty() {
            let merged =
                dateline_merge::merge(&timeline.documents, &dateline_merge::Options::default());
            timeline.events = merged.events;
            let told = dateline_merge::untold(&timeline.diagnostics, merged.diagnostics);
            timeline.diagnostics.extend(told);
        }
        timeline
    });
    // As the CLI's run stops when no page could be read: a page whose reader gave an error (not
    // text, say) is no page read. Errors of some pages stay in `diagnostics`, as in the CLI's output.
    let failed = |path: &str| {
        timeline
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.path.as_deref() == Some(path))
    };
    if timeline.documents.iter().all(|d| failed(&d.path)) {
        let reasons: Vec<String> = timeline
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(said)
            .collect();
        return Err(DatelineError::new_err(if reasons.is_empty() {
            "no pages given: pass (path, data) pairs".to_owned()
        } else {
            format!("no page could be read: {}", reasons.join("; "))
        }));
    }
    to_python(py, &timeline)
}

/// What `times` returns: the shape of `dateline time --format json`.
#[derive(serde::Serialize)]
struct Times<'a> {
    reference: Option<DateTime<Utc>>,
    zone: Option<&'a str>,
    found: Vec<dateline_time::Found>,
}

/// Every time in `text`, as `dateline time --format json` gives it: the timestamps, resolved, and,
/// with a `reference` (the time the text was written: an RFC 3339 string or an aware datetime),
/// the expressions of its running text ("last night"), each with its line, span and reading.
#[pyfunction]
#[pyo3(signature = (text, reference = None, zone = None, country = None))]
fn times<'py>(
    py: Python<'py>,
    text: &str,
    reference: Option<&Bound<'py, PyAny>>,
    zone: Option<&str>,
    country: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let tz = zone.map(zone_named).transpose()?;
    let country = country.map(country_code).transpose()?;
    let reference = reference.map(|r| instant("reference", r)).transpose()?;
    let mut context = dateline_time::Context::default();
    if let Some(tz) = tz {
        context = context.with_zone(tz, dateline_time::ZoneOrigin::Caller);
    }
    if let Some(country) = &country {
        context = context.with_country(country);
    }
    let report = reference.map(|utc| {
        let report = dateline_time::ReportContext::new(utc, tz.unwrap_or(dateline_time::Tz::UTC));
        match &country {
            Some(country) => report.with_country(country),
            None => report,
        }
    });
    if let Some(utc) = reference {
        let tz = tz.unwrap_or(dateline_time::Tz::UTC);
        context = context
            .with_now(utc)
            .with_page_date(utc.with_timezone(&tz).date_naive());
    }
    let found = py.detach(|| dateline_time::find_times(text, &context, report.as_ref()));
    to_python(
        py,
        &Times {
            reference,
            zone,
            found,
        },
    )
}

/// The largest page an archive's record may hold, as the CLI's `--max-page-mib` by default.
const MAX_PAGE_BYTES: u64 = 100 << 20;

/// Reads every HTML page of a web archive (WARC, ISO 28500; `data` its bytes, gzipped per record
/// or whole when `path` ends in `.gz`) into the JSON contract's documents, as `dateline timeline
/// crawl.warc.gz` reads it: each page named by its target address, read with the record's date
/// as the time it was fetched and its address as the page's own. The other arguments are those
/// of `read`, applied to every page. Pages that could not be read, and damage to the archive,
/// are said in `DatelineWarning`s; an archive that gives no page and is damaged raises
/// `DatelineError`.
#[pyfunction]
#[pyo3(signature = (data, path = "-.warc", zone = None, country = None, captured_at = None, layout = None))]
fn read_archive<'py>(
    py: Python<'py>,
    data: &[u8],
    path: &str,
    zone: Option<&str>,
    country: Option<&str>,
    captured_at: Option<&Bound<'py, PyAny>>,
    layout: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(zone, country, captured_at, layout)?;
    let (documents, diagnostics) = py.detach(|| {
        let mut records = Vec::new();
        let mut diagnostics = dateline_sources::archive::read_from(
            std::io::Cursor::new(data),
            path,
            MAX_PAGE_BYTES,
            |record| records.push(record),
        );
        let pages: Vec<(Document, Vec<Diagnostic>)> = records
            .par_iter()
            .map(|record| record.read(&options))
            .collect();
        let mut documents = Vec::with_capacity(pages.len());
        for (document, said) in pages {
            diagnostics.extend(said);
            documents.push(document);
        }
        (documents, diagnostics)
    });
    if documents.is_empty()
        && let Some(error) = diagnostics.iter().find(|d| d.severity == Severity::Error)
    {
        return Err(DatelineError::new_err(said(error)));
    }
    warn(py, &diagnostics)?;
    to_python(py, &documents)
}

/// Documents given from Python: dicts of the JSON contract (as `read` returns them, or as the
/// `documents` of a timeline) or their JSON text.
fn documents_of(py: Python<'_>, documents: &Bound<'_, PyAny>) -> PyResult<Vec<Document>> {
    let json = py.import("json")?;
    let mut out = Vec::new();
    for (k, d) in documents.try_iter()?.enumerate() {
        let d = d?;
        let text: String = match d.cast::<PyString>() {
            Ok(text) => text.to_cow()?.into_owned(),
            Err(_) => json.call_method1("dumps", (d,))?.extract()?,
        };
        let document = serde_json::from_str::<Document>(&text).map_err(|e| {
            DatelineError::new_err(format!(
                "document {k} is not a document of the JSON contract ({e}): pass what `read` returns"
            ))
        })?;
        out.push(document);
    }
    Ok(out)
}

/// A window of the partitioned merge from its start and end (RFC 3339 strings or aware
/// datetimes).
fn window_of(start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<partition::Window> {
    let window = partition::Window {
        start: instant("start", start)?,
        end: instant("end", end)?,
    };
    if window.start >= window.end {
        return Err(DatelineError::new_err(
            "a window's start must come before its end",
        ));
    }
    Ok(window)
}

fn merge_error(e: &dateline_merge::Error) -> PyErr {
    DatelineError::new_err(e.to_string())
}

/// The windows of `days` whole UTC days that cover the posts of `documents`, as `(start, end)`
/// pairs of RFC 3339 strings, each owning the posts stamped from its start up to its end: the
/// windows of a merge split across processes (`census`, `score`, `reconcile`).
#[pyfunction]
#[pyo3(signature = (documents, days = 1))]
fn windows(documents: &Bound<'_, PyAny>, days: u32) -> PyResult<Vec<(String, String)>> {
    let documents = documents_of(documents.py(), documents)?;
    let text = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(partition::Window::days(&documents, days)
        .into_iter()
        .map(|w| (text(w.start), text(w.end)))
        .collect())
}

/// The census of the posts of `documents` stamped within the window from `start` to `end`: every
/// word with how many posts carry it, as bytes. Sum the windows' censuses with `add_census`.
#[pyfunction]
fn census<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let window = window_of(start, end)?;
    let documents = documents_of(py, documents)?;
    let bytes = py.detach(|| partition::census(&documents, &window).to_bytes());
    Ok(PyBytes::new(py, &bytes))
}

/// The census of two windows' posts together, from theirs (as `census` gives them).
#[pyfunction]
fn add_census<'py>(py: Python<'py>, a: &[u8], b: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let a = partition::Census::from_bytes(a).map_err(|e| merge_error(&e))?;
    let b = partition::Census::from_bytes(b).map_err(|e| merge_error(&e))?;
    Ok(PyBytes::new(py, &(a + b).to_bytes()))
}

/// The scored pairs of the window from `start` to `end`, as bytes: the pairs whose earlier post
/// the window owns, scored with `census`, the census of the whole input. `documents` must hold
/// every post from `start` to twice the merge's longest gap (72 hours) past `end`.
#[pyfunction]
fn score<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    census: &[u8],
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let window = window_of(start, end)?;
    let census = partition::Census::from_bytes(census).map_err(|e| merge_error(&e))?;
    let documents = documents_of(py, documents)?;
    let options = dateline_merge::Options::default();
    let bytes = py.detach(|| partition::score(&documents, &census, &window, &options).to_bytes());
    Ok(PyBytes::new(py, &bytes))
}

/// The timeline of `documents` (all of them) from the scored pairs of every window (as `score`
/// gives them): the JSON contract's timeline, whose events are those `timeline` builds from the
/// same pages. Its diagnostics are the merge's. With a `format` (one of `render`'s), the timeline
/// is returned written in it, as bytes, without being made Python values first: at scale, much
/// the cheaper way to a file.
#[pyfunction]
#[pyo3(signature = (documents, scored, format = None))]
fn reconcile<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    scored: &Bound<'py, PyAny>,
    format: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let writer = format.map(writer_named).transpose()?;
    let mut documents = documents_of(py, documents)?;
    // In the order of their paths, as a timeline holds them.
    documents.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.id.cmp(&b.id)));
    let mut pairs = partition::Scored::default();
    for part in scored.try_iter()? {
        let part = part?;
        let bytes: &[u8] = part.extract()?;
        pairs.append(partition::Scored::from_bytes(bytes).map_err(|e| merge_error(&e))?);
    }
    let timeline = py.detach(|| {
        let merged = partition::reconcile(&documents, &pairs, &dateline_merge::Options::default());
        let mut timeline = dateline_model::Timeline::default();
        timeline.documents = documents;
        timeline.events = merged.events;
        timeline.diagnostics = merged.diagnostics;
        timeline
    });
    match writer {
        Some(writer) => Ok(written(py, writer, &timeline)?.into_any()),
        None => to_python(py, &timeline),
    }
}

/// The built-in format called `name`, or an error that lists them.
fn writer_named(name: &str) -> PyResult<&'static dyn dateline_formats::Format> {
    dateline_formats::by_name(name).ok_or_else(|| {
        let known: Vec<&str> = dateline_formats::formats()
            .iter()
            .map(|f| f.name())
            .collect();
        DatelineError::new_err(format!(
            "unknown format `{name}`; known formats: {}",
            known.join(", ")
        ))
    })
}

/// `timeline` written by `writer`, as bytes.
fn written<'py>(
    py: Python<'py>,
    writer: &'static dyn dateline_formats::Format,
    timeline: &dateline_model::Timeline,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut out = Vec::new();
    py.detach(|| {
        writer.write(
            timeline,
            &dateline_formats::WriteOptions::default(),
            &mut out,
        )
    })
    .map_err(|e| DatelineError::new_err(format!("cannot write {}: {e}", writer.name())))?;
    Ok(PyBytes::new(py, &out))
}

/// A timeline (the JSON contract's, as `timeline` or `reconcile` returns it) written in one of the
/// CLI's formats (`json`, `markdown`, `jsonl`, `csv`, `ics`, `timelinejs`, `html`, `parquet`), as
/// bytes: what `dateline timeline --format NAME` writes.
#[pyfunction]
fn render<'py>(
    py: Python<'py>,
    timeline: &Bound<'py, PyAny>,
    format: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let writer = writer_named(format)?;
    let text: String = py
        .import("json")?
        .call_method1("dumps", (timeline,))?
        .extract()?;
    let timeline: dateline_model::Timeline = serde_json::from_str(&text).map_err(|e| {
        DatelineError::new_err(format!(
            "not a timeline of the JSON contract ({e}): pass what `timeline` returns"
        ))
    })?;
    written(py, writer, &timeline)
}

/// The native module; the `dateline` package re-exports it.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(read_archive, m)?)?;
    m.add_function(wrap_pyfunction!(timeline, m)?)?;
    m.add_function(wrap_pyfunction!(times, m)?)?;
    m.add_function(wrap_pyfunction!(windows, m)?)?;
    m.add_function(wrap_pyfunction!(census, m)?)?;
    m.add_function(wrap_pyfunction!(add_census, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(reconcile, m)?)?;
    m.add_function(wrap_pyfunction!(render, m)?)?;
    m.add("DatelineError", m.py().get_type::<DatelineError>())?;
    m.add("DatelineWarning", m.py().get_type::<DatelineWarning>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", dateline_model::FORMAT_VERSION)?;
    m.add(
        "REACH_HOURS",
        partition::reach(&dateline_merge::Options::default()).num_hours(),
    )?;
    Ok(())
}
