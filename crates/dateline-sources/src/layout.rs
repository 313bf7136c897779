//! The one small trait every layout implements, and what a layout hands back.

use dateline_model::{Diagnostic, DocumentKind, DropReason};

use crate::Page;

/// A way a page can be laid out: it says whether a page looks like it, and reads it.
///
/// A layout never resolves times: it returns the raw stamps it found in [`Parsed`], and one
/// shared step resolves them all, so every layout gets the same zones, rollovers and checks.
/// Layouts are `Sync` so the built-in list can be a `static`; they hold no state.
pub trait Layout: Sync {
    /// The layout's name, such as `dw-liveblog`; what `--layout` takes.
    fn name(&self) -> &'static str;

    /// Whether the page looks like this layout, judged from its text alone (never its file name).
    fn detect(&self, page: &Page<'_>) -> Option<Detection>;

    /// Reads the page: metadata, posts with their raw stamps, and a role for each line. The page
    /// comes with its context decided (its zone, its dates, its times): a layout splits the page
    /// into posts and furniture, and leaves those decisions to the context.
    fn parse(&self, page: &Page<'_>) -> Parsed;

    /// The outlet this layout is made for, when it reads one outlet's pages only: a clue to the
    /// page's outlet, weighed with the others.
    fn outlet(&self) -> Option<&'static str> {
        None
    }

    /// The kind of page this layout reads, when it reads one kind only: a clue to the page's kind.
    fn kind(&self) -> Option<DocumentKind> {
        None
    }
}

/// How well a page fits a layout, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// Higher is a better fit; the best score wins, ties go to the layout listed first.
    pub score: u32,
    /// What in the text made the layout think so, for the diagnostic that reports the choice.
    pub reason: String,
}

impl Detection {
    /// A detection with a score and a reason.
    pub fn new(score: u32, reason: impl Into<String>) -> Self {
        Detection {
            score,
            reason: reason.into(),
        }
    }
}

/// A stamp's text as printed on a page, before it is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStamp {
    /// The 1-based line it stands on.
    pub line: u32,
    /// The stamp alone, without glued text such as a byline.
    pub text: String,
}

impl RawStamp {
    /// A raw stamp on a line.
    pub fn new(line: u32, text: impl Into<String>) -> Self {
        RawStamp {
            line,
            text: text.into(),
        }
    }
}

/// A post as a layout read it, its stamp not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DraftPost {
    /// The post's stamp.
    pub stamp: RawStamp,
    /// The first and last line of the post, stamp included.
    pub lines: [u32; 2],
    /// The author, when the post names one.
    pub author: Option<String>,
    /// The post's own headline.
    pub headline: Option<String>,
    /// The credit line as printed.
    pub attribution: Option<String>,
    /// The body paragraphs, in order.
    pub paragraphs: Vec<String>,
}

impl DraftPost {
    /// A post with its stamp and nothing else yet.
    pub fn new(stamp: RawStamp) -> Self {
        let line = stamp.line;
        DraftPost {
            stamp,
            lines: [line, line],
            author: None,
            headline: None,
            attribution: None,
            paragraphs: Vec::new(),
        }
    }

    /// Widens the post's span to take in `line`.
    pub fn cover(&mut self, line: u32) {
        self.lines[0] = self.lines[0].min(line);
        self.lines[1] = self.lines[1].max(line);
    }
}

/// What one line of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The page's headline.
    Title,
    /// The line under the headline.
    Standfirst,
    /// The page's byline.
    Byline,
    /// The page's publication time.
    Published,
    /// The page's update time.
    Updated,
    /// The page's date, carried to stamps that print none.
    PageDate,
    /// The number of posts the page says it has.
    DeclaredCount,
    /// The page's statement of its zone.
    ZoneStatement,
    /// A paragraph about the whole story (key points, an introduction).
    Summary,
    /// A post's stamp (with a glued byline, when there is one).
    Stamp,
    /// A post's own headline.
    Headline,
    /// A post's credit line.
    Attribution,
    /// A paragraph of a post's body.
    Body,
    /// Left out of every item, for a reason.
    Dropped(DropReason),
}

impl Role {
    /// What kind of line this is, in five words: `metadata` (the page's own fields), `timestamp`
    /// (a post's stamp), `post` (a post's headline, credit or body), `boilerplate` (site furniture,
    /// links), `noise` (media residue), or `unplaced` (content that fit nowhere, always warned).
    pub fn category(self) -> &'static str {
        match self {
            Role::Title
            | Role::Standfirst
            | Role::Byline
            | Role::Published
            | Role::Updated
            | Role::PageDate
            | Role::DeclaredCount
            | Role::ZoneStatement
            | Role::Summary
            | Role::Dropped(DropReason::Metadata) => "metadata",
            Role::Stamp => "timestamp",
            Role::Headline | Role::Attribution | Role::Body => "post",
            Role::Dropped(DropReason::Media) => "noise",
            Role::Dropped(DropReason::Unplaced) => "unplaced",
            Role::Dropped(_) => "boilerplate",
        }
    }

    /// The role's kebab-case name, for `dateline explain`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Standfirst => "standfirst",
            Role::Byline => "byline",
            Role::Published => "published",
            Role::Updated => "updated",
            Role::PageDate => "page-date",
            Role::DeclaredCount => "declared-count",
            Role::ZoneStatement => "zone-statement",
            Role::Summary => "summary",
            Role::Stamp => "stamp",
            Role::Headline => "headline",
            Role::Attribution => "attribution",
            Role::Body => "body",
            Role::Dropped(DropReason::Boilerplate) => "boilerplate",
            Role::Dropped(DropReason::Media) => "media",
            Role::Dropped(DropReason::Link) => "link",
            Role::Dropped(DropReason::Metadata) => "metadata",
            Role::Dropped(DropReason::Unplaced) => "unplaced",
            Role::Dropped(_) => "dropped",
        }
    }
}

/// The role of every line of a page and the rule that gave it: the ledger that proves nothing
/// was lost.
///
/// A page gives few distinct roles with their rules (a few dozen), however many lines it has, so
/// each line holds only a number: 0 for no role, else its place + 1 in the ledger's list of the
/// pairs given. Two bytes a line rather than the 24 of the pair itself: a page of blank lines
/// would otherwise hold more for its roles than it is long many times over.
#[derive(Debug, Clone, Default)]
pub struct LineRoles {
    roles: Vec<u16>,
    /// Each distinct role and rule given, in the order first given.
    given: Vec<(Role, &'static str)>,
    /// The place in `given` of the pair given last.
    last: u16,
    conflicts: Vec<Conflict>,
}

/// Two ledgers are equal when they give every line the same role by the same rule, whatever the
/// order in which the pairs were first given.
impl PartialEq for LineRoles {
    fn eq(&self, other: &Self) -> bool {
        self.roles.len() == other.roles.len()
            && self.conflicts == other.conflicts
            && self.iter().eq(other.iter())
    }
}

impl Eq for LineRoles {}

/// A line two rules gave a role: the first rule's role is kept. Always a bug of a layout, which
/// the reading reports (`line-role-conflict`) naming both rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The line, 1-based.
    pub line: u32,
    /// The rule whose role the line keeps (empty for a line past the page's end).
    pub kept: &'static str,
    /// The rule whose role was refused.
    pub refused: &'static str,
}

impl LineRoles {
    /// An empty ledger for a page of `lines` lines.
    pub fn new(lines: u32) -> Self {
        LineRoles {
            roles: vec![0; usize::try_from(lines).unwrap_or(0)],
            given: Vec::new(),
            last: 0,
            conflicts: Vec::new(),
        }
    }

    /// Gives `line` a role by a named rule. A line given two roles keeps the first and is listed
    /// in [`LineRoles::conflicts`].
    pub fn assign(&mut self, line: u32, role: Role, rule: &'static str) {
        let index = usize::try_from(line).ok().and_then(|l| l.checked_sub(1));
        let kept = match index.and_then(|i| self.roles.get(i)) {
            None => Some(""),
            Some(&0) => None,
            Some(&k) => Some(self.pair(k).map_or("", |(_, rule)| rule)),
        };
        if let Some(kept) = kept {
            self.conflicts.push(Conflict {
                line,
                kept,
                refused: rule,
            });
            return;
        }
        // A layout gives the same role by the same rule to many lines in a row (a post's
        // paragraphs): the pair given last is looked at first.
        // (A rule's name is one literal, so its address is compared before its letters.)
        let same =
            |&(r, name): &(Role, &str)| r == role && (std::ptr::eq(name, rule) || name == rule);
        let last = usize::from(self.last);
        let k = if self.given.get(last).is_some_and(same) {
            last
        } else if let Some(place) = self.given.iter().position(same) {
            place
        } else {
            self.given.push((role, rule));
            self.given.len() - 1
        };
        self.last = u16::try_from(k).unwrap_or(0);
        // The pairs are the layouts' own roles and rule names, a few dozen: a ledger never
        // holds 65,535 of them, and if it did the line would stay without a role, as a
        // conflict says.
        match (
            u16::try_from(k + 1),
            index.and_then(|i| self.roles.get_mut(i)),
        ) {
            (Ok(k), Some(slot)) => *slot = k,
            _ => self.conflicts.push(Conflict {
                line,
                kept: "",
                refused: rule,
            }),
        }
    }

    /// Takes a role back, for a layout that gave one too early.
    pub(crate) fn unassign(&mut self, line: u32) {
        let index = usize::try_from(line).ok().and_then(|l| l.checked_sub(1));
        if let Some(slot) = index.and_then(|i| self.roles.get_mut(i)) {
            *slot = 0;
        }
    }

    /// The pair a line's number stands for.
    fn pair(&self, k: u16) -> Option<(Role, &'static str)> {
        self.given.get(usize::from(k).checked_sub(1)?).copied()
    }

    /// The role of `line` and its rule, if it has one.
    pub fn get(&self, line: u32) -> Option<(Role, &'static str)> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.pair(*self.roles.get(index)?)
    }

    /// Whether `line` has a role yet.
    pub fn is_assigned(&self, line: u32) -> bool {
        self.get(line).is_some()
    }

    /// Lines that were given a role twice (a layout bug; always empty on the seeds).
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Every line with its role, `None` for lines with none.
    pub fn iter(&self) -> impl Iterator<Item = (u32, Option<(Role, &'static str)>)> + '_ {
        self.roles
            .iter()
            .enumerate()
            .map(|(i, &k)| (u32::try_from(i + 1).unwrap_or(u32::MAX), self.pair(k)))
    }
}

/// What a layout read from a page, before any time is resolved.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Parsed {
    /// Live blog, article or unknown.
    pub kind: DocumentKind,
    /// The page's headline.
    pub title: Option<String>,
    /// The line under the headline.
    pub standfirst: Option<String>,
    /// The names in the page's byline.
    pub bylines: Vec<String>,
    /// The number of posts the page says it has.
    pub declared_posts: Option<u32>,
    /// Paragraphs about the whole story.
    pub summary: Vec<String>,
    /// The posts, in page order.
    pub posts: Vec<DraftPost>,
    /// The role of every line.
    pub roles: LineRoles,
    /// What the layout has to say about the page.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the page's context found no clue to its kind, what the layout's own reading of
    /// its stamps said, in words (`3 stamped lines, 3 with prose of their own, ...`): the kind
    /// decision is recorded from it.
    pub kind_evidence: Option<String>,
}

impl Parsed {
    /// An empty reading of a page of `lines` lines.
    pub fn new(kind: DocumentKind, lines: u32) -> Self {
        Parsed {
            kind,
            title: None,
            standfirst: None,
            bylines: Vec::new(),
            declared_posts: None,
            summary: Vec::new(),
            posts: Vec::new(),
            roles: LineRoles::new(lines),
            diagnostics: Vec::new(),
            kind_evidence: None,
        }
    }

    /// Marks `line` as dropped for `reason` by `rule`.
    pub fn drop_line(&mut self, line: u32, reason: DropReason, rule: &'static str) {
        self.roles.assign(line, Role::Dropped(reason), rule);
    }

    /// Places a content line of `post`: its first credit line ("Additional reporting by agencies",
    /// an editors' initials line) becomes the attribution, any other line a body paragraph; the
    /// ledger records which, with `credit_rule` or `body_rule` for `dateline explain`.
    pub(crate) fn place_in_post(
        &mut self,
        post: &mut DraftPost,
        line: u32,
        text: &str,
        credit_rule: &'static str,
        body_rule: &'static str,
    ) {
        if crate::boilerplate::is_credit(text) && post.attribution.is_none() {
            post.attribution = Some(clean(text));
            self.roles.assign(line, Role::Attribution, credit_rule);
        } else {
            post.paragraphs.push(clean(text));
            self.roles.assign(line, Role::Body, body_rule);
        }
        post.cover(line);
    }

    /// Marks every not yet assigned, non-blank line in `first..=last` as dropped.
    pub fn drop_range(
        &mut self,
        page: &Page<'_>,
        first: u32,
        last: u32,
        reason: DropReason,
        rule: &'static str,
    ) {
        for line in first..=last {
            if let Some(text) = page.line(line)
                && !is_blank(text)
                && !self.roles.is_assigned(line)
            {
                self.drop_line(line, reason, rule);
            }
        }
    }
}

/// Whether a line holds nothing but whitespace (no-break spaces included).
pub(crate) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A line with its surrounding whitespace (no-break spaces included) removed.
pub(crate) fn clean(line: &str) -> String {
    line.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_given_two_roles_is_a_conflict() {
        let mut roles = LineRoles::new(3);
        roles.assign(1, Role::Title, "t");
        roles.assign(1, Role::Body, "b");
        roles.assign(9, Role::Body, "b");
        assert_eq!(roles.get(1), Some((Role::Title, "t")));
        assert_eq!(
            roles.conflicts().iter().map(|c| c.line).collect::<Vec<_>>(),
            [1, 9]
        );
        assert!(!roles.is_assigned(2));
    }

    #[test]
    fn a_ledger_holds_a_number_a_line_and_each_pair_once() {
        let mut roles = LineRoles::new(100_000);
        for line in (1..=100_000).step_by(2) {
            roles.assign(line, Role::Body, "paragraph");
        }
        roles.assign(2, Role::Title, "first-line");
        assert_eq!(roles.given.len(), 2);
        assert_eq!(std::mem::size_of_val(roles.roles.as_slice()), 200_000);
        assert_eq!(roles.get(99_999), Some((Role::Body, "paragraph")));
        assert_eq!(roles.get(2), Some((Role::Title, "first-line")));
        assert_eq!(roles.get(4), None);
        roles.assign(1, Role::Title, "first-line");
        assert_eq!(roles.conflicts()[0].kept, "paragraph");
        roles.unassign(1);
        assert!(!roles.is_assigned(1));
        // The same roles given in another order make an equal ledger.
        let mut other = LineRoles::new(100_000);
        other.assign(2, Role::Title, "first-line");
        for line in (3..=100_000).step_by(2) {
            other.assign(line, Role::Body, "paragraph");
        }
        assert!(roles != other, "their conflicts differ");
        roles.conflicts.clear();
        assert!(roles == other);
    }

    #[test]
    fn blank_includes_no_break_spaces() {
        assert!(is_blank(" \u{a0}\t"));
        assert_eq!(clean("\u{a0}x "), "x");
    }
}
