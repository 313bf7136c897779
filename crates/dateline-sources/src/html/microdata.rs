//! Microdata: live-blog updates (`itemprop="liveBlogUpdate"`, or a `BlogPosting` item inside a
//! `LiveBlogPosting` scope) with their `itemprop` values, and page-level `datePublished` /
//! `dateModified`.
//!
//! One iterative walk keeps a stack of open item scopes, so each property goes to the innermost
//! item as the microdata model says; text values are taken once (a text-valued property nested in
//! another is skipped), which keeps the walk linear.

use ego_tree::{NodeRef, iter::Edge};
use scraper::{Html, Node, node::Element};

use super::meta::collapse;
use super::text::element_text;
use super::{Item, ItemKind, Machine, MachineTime, PageTime, Source, TimeRole, Update};

/// An open item scope.
#[derive(Debug, Clone, Copy)]
enum Scope {
    /// A `LiveBlogPosting`: its index in the local items.
    LiveBlog(usize),
    /// An update: the live blog's index and the update's.
    Update(usize, usize),
    /// An `author` item of a live blog (`None`) or of one of its updates.
    Author(usize, Option<usize>),
    /// Any other item; `true` when it sits inside a live blog.
    Other(bool),
}

/// What each open element did, undone when it closes.
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    pushed_scope: bool,
    captured_text: bool,
}

/// Adds microdata live blogs to `machine.items` and page-level microdata times to
/// `machine.times`.
pub(crate) fn scan(document: &Html, machine: &mut Machine) {
    let mut blogs: Vec<Item> = Vec::new();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut capturing = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(element) = node.value() else {
                    continue;
                };
                let mut frame = Frame::default();
                let props: Vec<&str> = element
                    .attr("itemprop")
                    .map(|p| p.split_ascii_whitespace().collect())
                    .unwrap_or_default();
                let scoped = element.attr("itemscope").is_some();
                for prop in &props {
                    assign(
                        prop,
                        node,
                        element,
                        scoped,
                        scopes.last().copied(),
                        &mut blogs,
                        machine,
                        &mut capturing,
                        &mut frame,
                    );
                }
                if scoped {
                    let scope = new_scope(element, &props, scopes.last().copied(), &mut blogs);
                    scopes.push(scope);
                    frame.pushed_scope = true;
                }
                frames.push(frame);
            }
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                let frame = frames.pop().unwrap_or_default();
                if frame.pushed_scope {
                    scopes.pop();
                }
                if frame.captured_text {
                    capturing = capturing.saturating_sub(1);
                }
            }
        }
    }
    machine.items.extend(
        blogs
            .into_iter()
            .filter(|b| !b.updates.is_empty() || b.published.is_some() || b.headline.is_some()),
    );
}

/// The short type of an `itemtype` (`https://schema.org/BlogPosting` -> `BlogPosting`).
fn short_type(element: &Element) -> &str {
    let t = element.attr("itemtype").unwrap_or("").trim();
    let t = t.split_ascii_whitespace().next().unwrap_or("");
    t.rsplit(['/', '#']).next().unwrap_or(t)
}

fn blog_of(scope: Option<Scope>) -> Option<usize> {
    match scope? {
        Scope::LiveBlog(b) | Scope::Update(b, _) | Scope::Author(b, _) => Some(b),
        Scope::Other(_) => None,
    }
}

fn new_scope(
    element: &Element,
    props: &[&str],
    parent: Option<Scope>,
    blogs: &mut Vec<Item>,
) -> Scope {
    let kind = short_type(element);
    let in_blog = matches!(parent, Some(Scope::LiveBlog(_)));
    if props.contains(&"liveBlogUpdate") || (in_blog && kind.ends_with("BlogPosting")) {
        let blog = match blog_of(parent) {
            Some(b) => b,
            None => {
                blogs.push(Item::new(
                    Source::Microdata,
                    ItemKind::LiveBlog,
                    "LiveBlogPosting",
                ));
                blogs.len() - 1
            }
        };
        if let Some(item) = blogs.get_mut(blog) {
            item.updates.push(Update::default());
            return Scope::Update(blog, item.updates.len() - 1);
        }
    }
    if kind == "LiveBlogPosting" {
        blogs.push(Item::new(Source::Microdata, ItemKind::LiveBlog, kind));
        return Scope::LiveBlog(blogs.len() - 1);
    }
    if props.contains(&"author") {
        match parent {
            Some(Scope::LiveBlog(b)) => return Scope::Author(b, None),
            Some(Scope::Update(b, u)) => return Scope::Author(b, Some(u)),
            _ => {}
        }
    }
    let inside = match parent {
        Some(Scope::Other(inside)) => inside,
        Some(_) => true,
        None => false,
    };
    Scope::Other(inside)
}

/// A property's value: `content`, `datetime`, a URL attribute, or the element's text.
/// `None` when the text would be taken inside another taken text.
fn value(
    node: NodeRef<'_, Node>,
    element: &Element,
    capturing: &mut usize,
    frame: &mut Frame,
) -> Option<String> {
    if let Some(content) = element.attr("content") {
        return Some(content.trim().to_owned());
    }
    let attr = match element.name() {
        "time" | "ins" | "del" => "datetime",
        "a" | "area" | "link" => "href",
        "img" | "audio" | "video" | "source" | "iframe" | "embed" | "track" => "src",
        "data" | "meter" => "value",
        "object" => "data",
        _ => "",
    };
    if let Some(v) = element.attr(attr) {
        return Some(v.trim().to_owned());
    }
    if *capturing > 0 || frame.captured_text {
        return None;
    }
    *capturing += 1;
    frame.captured_text = true;
    Some(element_text(node).trim().to_owned())
}

#[allow(clippy::too_many_arguments)]
fn assign(
    prop: &str,
    node: NodeRef<'_, Node>,
    element: &Element,
    scoped: bool,
    scope: Option<Scope>,
    blogs: &mut [Item],
    machine: &mut Machine,
    capturing: &mut usize,
    frame: &mut Frame,
) {
    match scope {
        Some(Scope::Update(b, u)) => {
            let Some(update) = blogs.get_mut(b).and_then(|i| i.updates.get_mut(u)) else {
                return;
            };
            match prop {
                "headline" if update.headline.is_none() => {
                    update.headline = value(node, element, capturing, frame).map(|v| collapse(&v));
                }
                "articleBody" | "text" if update.body.is_none() => {
                    update.body = value(node, element, capturing, frame);
                }
                "datePublished" if update.published.is_none() => {
                    update.published = value(node, element, capturing, frame)
                        .map(|v| MachineTime::new(&v, Source::Microdata));
                }
                "dateModified" if update.modified.is_none() => {
                    update.modified = value(node, element, capturing, frame)
                        .map(|v| MachineTime::new(&v, Source::Microdata));
                }
                "url" if update.url.is_none() => {
                    update.url = value(node, element, capturing, frame);
                }
                "author" if !scoped => {
                    if let Some(name) = value(node, element, capturing, frame) {
                        push_name(&mut update.authors, &name);
                    }
                }
                _ => {}
            }
        }
        Some(Scope::Author(b, u)) if prop == "name" => {
            let Some(name) = value(node, element, capturing, frame) else {
                return;
            };
            let Some(item) = blogs.get_mut(b) else {
                return;
            };
            match u {
                Some(u) => {
                    if let Some(update) = item.updates.get_mut(u) {
                        push_name(&mut update.authors, &name);
                    }
                }
                None => push_name(&mut item.authors, &name),
            }
        }
        Some(Scope::LiveBlog(b)) => {
            let Some(item) = blogs.get_mut(b) else {
                return;
            };
            let time = |v: Option<String>| v.map(|v| MachineTime::new(&v, Source::Microdata));
            match prop {
                "headline" if item.headline.is_none() => {
                    item.headline = value(node, element, capturing, frame).map(|v| collapse(&v));
                }
                "datePublished" if item.published.is_none() => {
                    item.published = time(value(node, element, capturing, frame));
                }
                "dateModified" if item.modified.is_none() => {
                    item.modified = time(value(node, element, capturing, frame));
                }
                "coverageStartTime" if item.coverage_start.is_none() => {
                    item.coverage_start = time(value(node, element, capturing, frame));
                }
                "coverageEndTime" if item.coverage_end.is_none() => {
                    item.coverage_end = time(value(node, element, capturing, frame));
                }
                "url" if item.url.is_none() => item.url = value(node, element, capturing, frame),
                "author" if !scoped => {
                    if let Some(name) = value(node, element, capturing, frame) {
                        push_name(&mut item.authors, &name);
                    }
                }
                _ => {}
            }
        }
        Some(Scope::Other(true) | Scope::Author(..)) => {}
        Some(Scope::Other(false)) | None => {
            let role = match prop {
                "datePublished" | "dateCreated" => TimeRole::Published,
                "dateModified" => TimeRole::Modified,
                _ => return,
            };
            if let Some(v) = value(node, element, capturing, frame) {
                machine.times.push(PageTime {
                    role,
                    time: MachineTime::new(&v, Source::Microdata),
                    text: None,
                    mark: Some(format!("itemprop={prop}")),
                    order: 0,
                    quoted: false,
                });
            }
        }
    }
}

fn push_name(names: &mut Vec<String>, name: &str) {
    let name = collapse(name);
    if !name.is_empty() && !names.contains(&name) {
        names.push(name);
    }
}
