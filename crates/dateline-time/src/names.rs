//! Month and weekday names in the languages that the stamp rules read through a table rather than
//! through an alternation in a pattern.
//!
//! English, German, Italian, French, Spanish, Portuguese and Dutch names are spelled out in the
//! rules of `scan.rs` ([`crate::scan`]'s `MONTHS_INTL`), each rule matching only the names it
//! lists. Every other language's names are read here: a rule matches any word in the place of
//! the month or the weekday (Latin, Greek, Cyrillic, Arabic, Devanagari or Thai letters), and
//! [`month`] or [`weekday`] says whether it is one. So the rules stay small to build whatever the
//! number of languages, and a name in a script whose letters an ASCII word boundary cannot see
//! (`ноября`, `Αυγούστου`, `مارس`) needs no boundary in the pattern: the rule's spaces delimit it.
//!
//! A word with a name's key is read as the name only if it holds one of the name's triggers
//! ([`triggers`]), in any ASCII case: four of its ASCII letters that no English month or weekday
//! name holds (`wrze` of `września`, which its spelling without accents keeps), else the name's
//! second to fourth letters in small and in capital letters (`ояб` and `ОЯБ` of `ноября`, which
//! also stand in `Ноября`, but not in `нОЯбря`). The gate ([`crate::gate`]) needs neither the
//! tables nor the triggers: it compares the words of a line that has a year with the keys of
//! the names in Latin letters ([`on_line`]), and lets a line with Greek, Cyrillic or Arabic
//! letters through. The tables are built the first time a rule reads a word in a name's place,
//! and a name's triggers the first time a word with its key is read, so a page in English builds
//! neither.
//!
//! Names are compared by their key: small letters, accents and other marks dropped (`ś` is `s`,
//! `أ` is `ا`, `ί` is `ι`), a final dot cut. A name that other languages use for another month
//! is read as the commoner language's: Polish and Czech `listopad` is November, as in Croatian
//! it is October ([`LISTOPAD`], which resolution reads by the outlet's country).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{LazyLock, OnceLock};

use chrono::Weekday;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Polish month names: genitive, as dates print them (`19 sierpnia 2020`), and nominative.
const POLISH: &[(&str, u32)] = &[
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("styczeń", 1),
    ("luty", 2),
    ("marzec", 3),
    ("kwiecień", 4),
    ("maj", 5),
    ("czerwiec", 6),
    ("lipiec", 7),
    ("sierpień", 8),
    ("wrzesień", 9),
    ("październik", 10),
    ("listopad", 11),
    ("grudzień", 12),
];

/// Czech and Slovak month names, genitive and nominative (`5. listopadu 2021`, `5. novembra 2021`).
const CZECH_SLOVAK: &[(&str, u32)] = &[
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    ("leden", 1),
    ("únor", 2),
    ("březen", 3),
    ("duben", 4),
    ("květen", 5),
    ("červen", 6),
    ("červenec", 7),
    ("srpen", 8),
    ("říjen", 10),
    ("prosinec", 12),
    ("januára", 1),
    ("februára", 2),
    ("apríla", 4),
    ("mája", 5),
    ("júna", 6),
    ("júla", 7),
    ("augusta", 8),
    ("septembra", 9),
    ("októbra", 10),
    ("novembra", 11),
    ("decembra", 12),
    ("január", 1),
    ("február", 2),
    ("marec", 3),
    ("apríl", 4),
    ("máj", 5),
    ("jún", 6),
    ("júl", 7),
];

/// Serbian, Croatian, Bosnian and Slovenian month names in Latin letters, nominative and genitive
/// (`5. studenoga 2021.`, `21. juni/lipanj, 2020.`, `5. oktobra 2021`).
const SOUTH_SLAVIC: &[(&str, u32)] = &[
    ("januara", 1),
    ("januarja", 1),
    ("februara", 2),
    ("februarja", 2),
    ("mart", 3),
    ("marta", 3),
    ("aprila", 4),
    ("juna", 6),
    ("junij", 6),
    ("junija", 6),
    ("jula", 7),
    ("julij", 7),
    ("julija", 7),
    ("avgust", 8),
    ("avgusta", 8),
    ("septembar", 9),
    ("oktobar", 10),
    ("oktobra", 10),
    ("novembar", 11),
    ("decembar", 12),
    ("siječanj", 1),
    ("siječnja", 1),
    ("veljača", 2),
    ("veljače", 2),
    ("ožujak", 3),
    ("ožujka", 3),
    ("travanj", 4),
    ("travnja", 4),
    ("svibanj", 5),
    ("svibnja", 5),
    ("lipanj", 6),
    ("lipnja", 6),
    ("srpanj", 7),
    ("srpnja", 7),
    ("kolovoz", 8),
    ("kolovoza", 8),
    ("rujan", 9),
    ("rujna", 9),
    ("studeni", 11),
    ("studenog", 11),
    ("studenoga", 11),
    ("prosinac", 12),
    ("prosinca", 12),
];

/// Thai month names, in full and as their abbreviations with dots (`12 มี.ค. 2566`, whose year
/// is of the Buddhist era: the rules read it).
const THAI: &[(&str, u32)] = &[
    ("มกราคม", 1),
    ("กุมภาพันธ์", 2),
    ("มีนาคม", 3),
    ("เมษายน", 4),
    ("พฤษภาคม", 5),
    ("มิถุนายน", 6),
    ("กรกฎาคม", 7),
    ("สิงหาคม", 8),
    ("กันยายน", 9),
    ("ตุลาคม", 10),
    ("พฤศจิกายน", 11),
    ("ธันวาคม", 12),
    ("ม.ค", 1),
    ("ก.พ", 2),
    ("มี.ค", 3),
    ("เม.ย", 4),
    ("พ.ค", 5),
    ("มิ.ย", 6),
    ("ก.ค", 7),
    ("ส.ค", 8),
    ("ก.ย", 9),
    ("ต.ค", 10),
    ("พ.ย", 11),
    ("ธ.ค", 12),
];

/// Hindi and Marathi month names in Devanagari, in their common spellings (`12 मार्च 2023`,
/// `5 नवंबर 2021`, `5 नवम्बर 2021`).
const DEVANAGARI: &[(&str, u32)] = &[
    ("जनवरी", 1),
    ("फ़रवरी", 2),
    ("फरवरी", 2),
    ("मार्च", 3),
    ("अप्रैल", 4),
    ("मई", 5),
    ("जून", 6),
    ("जुलाई", 7),
    ("अगस्त", 8),
    ("सितंबर", 9),
    ("सितम्बर", 9),
    ("अक्टूबर", 10),
    ("अक्तूबर", 10),
    ("नवंबर", 11),
    ("नवम्बर", 11),
    ("दिसंबर", 12),
    ("दिसम्बर", 12),
    ("जानेवारी", 1),
    ("फेब्रुवारी", 2),
    ("एप्रिल", 4),
    ("जुलै", 7),
    ("ऑगस्ट", 8),
    ("सप्टेंबर", 9),
    ("ऑक्टोबर", 10),
    ("नोव्हेंबर", 11),
    ("डिसेंबर", 12),
];

/// Russian, Ukrainian, Belarusian, Bulgarian and Serbian month names in Cyrillic: genitive
/// (`5 ноября 2021`), nominative, and the short forms Russian pages print (`нояб.`).
const CYRILLIC: &[(&str, u32)] = &[
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    ("янв", 1),
    ("февр", 2),
    ("апр", 4),
    ("авг", 8),
    ("сент", 9),
    ("окт", 10),
    ("нояб", 11),
    ("дек", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    ("січень", 1),
    ("лютий", 2),
    ("березень", 3),
    ("квітень", 4),
    ("травень", 5),
    ("червень", 6),
    ("липень", 7),
    ("серпень", 8),
    ("вересень", 9),
    ("жовтень", 10),
    ("листопад", 11),
    ("грудень", 12),
    ("студзеня", 1),
    ("лютага", 2),
    ("сакавіка", 3),
    ("красавіка", 4),
    ("чэрвеня", 6),
    ("ліпеня", 7),
    ("жніўня", 8),
    ("верасня", 9),
    ("кастрычніка", 10),
    ("лістапада", 11),
    ("снежня", 12),
    ("януари", 1),
    ("февруари", 2),
    ("април", 4),
    ("юни", 6),
    ("юли", 7),
    ("септември", 9),
    ("октомври", 10),
    ("ноември", 11),
    ("декември", 12),
    ("јануар", 1),
    ("јануара", 1),
    ("фебруар", 2),
    ("фебруара", 2),
    ("априла", 4),
    ("мај", 5),
    ("маја", 5),
    ("јун", 6),
    ("јуна", 6),
    ("јул", 7),
    ("јула", 7),
    ("септембар", 9),
    ("септембра", 9),
    ("октобар", 10),
    ("октобра", 10),
    ("новембар", 11),
    ("новембра", 11),
    ("децембар", 12),
    ("децембра", 12),
];

/// Greek month names: genitive, as dates print them (`19 Αυγούστου 2020`), nominative and short,
/// with the spellings of `Μαΐου` that pages use.
const GREEK: &[(&str, u32)] = &[
    ("Ιανουαρίου", 1),
    ("Φεβρουαρίου", 2),
    ("Μαρτίου", 3),
    ("Απριλίου", 4),
    ("Μαΐου", 5),
    ("Μαίου", 5),
    ("ΜΑΪΟΥ", 5),
    ("Ιουνίου", 6),
    ("Ιουλίου", 7),
    ("Αυγούστου", 8),
    ("Σεπτεμβρίου", 9),
    ("Οκτωβρίου", 10),
    ("Νοεμβρίου", 11),
    ("Δεκεμβρίου", 12),
    ("Ιανουάριος", 1),
    ("Φεβρουάριος", 2),
    ("Μάρτιος", 3),
    ("Απρίλιος", 4),
    ("Μάιος", 5),
    ("Ιούνιος", 6),
    ("Ιούλιος", 7),
    ("Αύγουστος", 8),
    ("Σεπτέμβριος", 9),
    ("Οκτώβριος", 10),
    ("Νοέμβριος", 11),
    ("Δεκέμβριος", 12),
    ("Ιαν", 1),
    ("Φεβ", 2),
    ("Μαρ", 3),
    ("Απρ", 4),
    ("Ιουν", 6),
    ("Ιουλ", 7),
    ("Αυγ", 8),
    ("Σεπ", 9),
    ("Σεπτ", 9),
    ("Οκτ", 10),
    ("Νοε", 11),
    ("Δεκ", 12),
];

/// Turkish, Hungarian, Romanian, Lithuanian, Estonian, Latvian and Albanian month names (`30 Ekim
/// 2020`, `2020. március 27.`, `20 septembrie 2020`, `2020 m. spalio 26 d.`, `12. märts 2023`,
/// `12. martā`, `13 gusht 2020`), with the short forms Hungarian and Romanian pages print.
const TURKISH_TO_ALBANIAN: &[(&str, u32)] = &[
    ("ocak", 1),
    ("şubat", 2),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    ("febr", 2),
    ("márc", 3),
    ("ápr", 4),
    ("szept", 9),
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    ("sausio", 1),
    ("vasario", 2),
    ("kovo", 3),
    ("balandžio", 4),
    ("gegužės", 5),
    ("birželio", 6),
    ("liepos", 7),
    ("rugpjūčio", 8),
    ("rugsėjo", 9),
    ("spalio", 10),
    ("lapkričio", 11),
    ("gruodžio", 12),
    ("jaanuar", 1),
    ("veebruar", 2),
    ("märts", 3),
    ("aprill", 4),
    ("juuni", 6),
    ("juuli", 7),
    ("oktoober", 10),
    ("detsember", 12),
    ("janvāris", 1),
    ("februāris", 2),
    ("aprīlis", 4),
    ("maijs", 5),
    ("jūnijs", 6),
    ("jūlijs", 7),
    ("augusts", 8),
    ("septembris", 9),
    ("oktobris", 10),
    ("novembris", 11),
    ("decembris", 12),
    ("janvārī", 1),
    ("februārī", 2),
    ("martā", 3),
    ("aprīlī", 4),
    ("maijā", 5),
    ("jūnijā", 6),
    ("jūlijā", 7),
    ("augustā", 8),
    ("septembrī", 9),
    ("oktobrī", 10),
    ("novembrī", 11),
    ("decembrī", 12),
    ("janar", 1),
    ("shkurt", 2),
    ("prill", 4),
    ("qershor", 6),
    ("korrik", 7),
    ("gusht", 8),
    ("shtator", 9),
    ("tetor", 10),
    ("nëntor", 11),
    ("dhjetor", 12),
];

/// Swedish, Danish, Norwegian, Finnish, Indonesian, Malay and Catalan month names that the
/// languages of `MONTHS_INTL` do not share (`10. marts 2020`, `5 maj 2021`, `2. syyskuuta 2020`,
/// `15 Maret 2021`, `23 Març 2020`, `3 d'abril de 2020`).
const NORTH_AND_ISLANDS: &[(&str, u32)] = &[
    ("augusti", 8),
    ("marts", 3),
    ("desember", 12),
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    ("tammikuu", 1),
    ("helmikuu", 2),
    ("maaliskuu", 3),
    ("huhtikuu", 4),
    ("toukokuu", 5),
    ("kesäkuu", 6),
    ("heinäkuu", 7),
    ("elokuu", 8),
    ("syyskuu", 9),
    ("lokakuu", 10),
    ("marraskuu", 11),
    ("joulukuu", 12),
    ("maret", 3),
    ("agustus", 8),
    ("desember", 12),
    ("mac", 3),
    ("julai", 7),
    ("ogos", 8),
    ("disember", 12),
    ("gener", 1),
    ("febrer", 2),
    ("març", 3),
    ("abril", 4),
    ("maig", 5),
    ("juny", 6),
    ("juliol", 7),
    ("agost", 8),
    ("setembre", 9),
    ("octubre", 10),
    ("desembre", 12),
];

/// Arabic month names: the Egyptian and Gulf ones (with the spellings of their hamza and of
/// `يونيه`), the Maghreb's, and the Levantine ones (`كانون الثاني`, two words).
const ARABIC: &[(&str, u32)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
];

/// Names the languages above share with those of `MONTHS_INTL` (Hungarian and Slovak `november`,
/// Swedish `april`, Norwegian `mai`, Indonesian `Januari`), and the short forms Hungarian prints
/// that `MONTHS_INTL` has too. The day-first rules of `scan.rs` read them already; the table's rule
/// reads them in a year-first date (`2021. november 5.`), or after a weekday of a language above
/// (`fredag 5 november 2021`).
const SHARED: &[(&str, u32)] = &[
    ("januari", 1),
    ("januar", 1),
    ("februari", 2),
    ("februar", 2),
    ("mars", 3),
    ("april", 4),
    ("mai", 5),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("novembre", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month names a Croatian page prints for October and Polish and Czech pages for November
/// (`listopad`, genitive `listopada`): read as November, unless the outlet's country is Croatia
/// or Bosnia and Herzegovina.
pub(crate) const LISTOPAD: &[&str] = &["listopad", "listopada"];

/// Countries whose pages print `listopad` for October.
pub(crate) const LISTOPAD_OCTOBER: &[&str] = &["HR", "BA"];

/// Weekday names, in full, of the languages above (`Четверг, 3 декабря 2020`,
/// `الإثنين، 24 أغسطس 2020`, `duminică, 20 septembrie 2020`), and of Swedish, Danish and Norwegian.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("poniedziałek", Weekday::Mon),
    ("wtorek", Weekday::Tue),
    ("środa", Weekday::Wed),
    ("czwartek", Weekday::Thu),
    ("piątek", Weekday::Fri),
    ("sobota", Weekday::Sat),
    ("niedziela", Weekday::Sun),
    ("pondělí", Weekday::Mon),
    ("úterý", Weekday::Tue),
    ("středa", Weekday::Wed),
    ("čtvrtek", Weekday::Thu),
    ("pátek", Weekday::Fri),
    ("neděle", Weekday::Sun),
    ("pondelok", Weekday::Mon),
    ("utorok", Weekday::Tue),
    ("streda", Weekday::Wed),
    ("štvrtok", Weekday::Thu),
    ("piatok", Weekday::Fri),
    ("nedeľa", Weekday::Sun),
    ("ponedjeljak", Weekday::Mon),
    ("ponedeljak", Weekday::Mon),
    ("ponedeljek", Weekday::Mon),
    ("utorak", Weekday::Tue),
    ("torek", Weekday::Tue),
    ("srijeda", Weekday::Wed),
    ("sreda", Weekday::Wed),
    ("četvrtak", Weekday::Thu),
    ("četrtek", Weekday::Thu),
    ("petak", Weekday::Fri),
    ("petek", Weekday::Fri),
    ("subota", Weekday::Sat),
    ("nedjelja", Weekday::Sun),
    ("nedelja", Weekday::Sun),
    ("понедельник", Weekday::Mon),
    ("вторник", Weekday::Tue),
    ("среда", Weekday::Wed),
    ("четверг", Weekday::Thu),
    ("пятница", Weekday::Fri),
    ("суббота", Weekday::Sat),
    ("воскресенье", Weekday::Sun),
    ("понеділок", Weekday::Mon),
    ("вівторок", Weekday::Tue),
    ("середа", Weekday::Wed),
    ("четвер", Weekday::Thu),
    ("п'ятниця", Weekday::Fri),
    ("пʼятниця", Weekday::Fri),
    ("п’ятниця", Weekday::Fri),
    ("субота", Weekday::Sat),
    ("неділя", Weekday::Sun),
    ("понеделник", Weekday::Mon),
    ("сряда", Weekday::Wed),
    ("четвъртък", Weekday::Thu),
    ("петък", Weekday::Fri),
    ("събота", Weekday::Sat),
    ("неделя", Weekday::Sun),
    ("понедељак", Weekday::Mon),
    ("уторак", Weekday::Tue),
    ("четвртак", Weekday::Thu),
    ("петак", Weekday::Fri),
    ("недеља", Weekday::Sun),
    ("pazartesi", Weekday::Mon),
    ("salı", Weekday::Tue),
    ("çarşamba", Weekday::Wed),
    ("perşembe", Weekday::Thu),
    ("cuma", Weekday::Fri),
    ("cumartesi", Weekday::Sat),
    ("pazar", Weekday::Sun),
    ("måndag", Weekday::Mon),
    ("tisdag", Weekday::Tue),
    ("onsdag", Weekday::Wed),
    ("torsdag", Weekday::Thu),
    ("fredag", Weekday::Fri),
    ("lördag", Weekday::Sat),
    ("söndag", Weekday::Sun),
    ("mandag", Weekday::Mon),
    ("tirsdag", Weekday::Tue),
    ("lørdag", Weekday::Sat),
    ("søndag", Weekday::Sun),
    ("maanantai", Weekday::Mon),
    ("tiistai", Weekday::Tue),
    ("keskiviikko", Weekday::Wed),
    ("torstai", Weekday::Thu),
    ("perjantai", Weekday::Fri),
    ("lauantai", Weekday::Sat),
    ("sunnuntai", Weekday::Sun),
    ("hétfő", Weekday::Mon),
    ("kedd", Weekday::Tue),
    ("szerda", Weekday::Wed),
    ("csütörtök", Weekday::Thu),
    ("péntek", Weekday::Fri),
    ("szombat", Weekday::Sat),
    ("vasárnap", Weekday::Sun),
    ("luni", Weekday::Mon),
    ("marți", Weekday::Tue),
    ("marţi", Weekday::Tue),
    ("miercuri", Weekday::Wed),
    ("joi", Weekday::Thu),
    ("vineri", Weekday::Fri),
    ("sâmbătă", Weekday::Sat),
    ("duminică", Weekday::Sun),
    ("pirmadienis", Weekday::Mon),
    ("antradienis", Weekday::Tue),
    ("trečiadienis", Weekday::Wed),
    ("ketvirtadienis", Weekday::Thu),
    ("penktadienis", Weekday::Fri),
    ("šeštadienis", Weekday::Sat),
    ("sekmadienis", Weekday::Sun),
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("jum'at", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
    ("isnin", Weekday::Mon),
    ("khamis", Weekday::Thu),
    ("jumaat", Weekday::Fri),
    ("ahad", Weekday::Sun),
    ("dilluns", Weekday::Mon),
    ("dimarts", Weekday::Tue),
    ("dimecres", Weekday::Wed),
    ("dijous", Weekday::Thu),
    ("divendres", Weekday::Fri),
    ("dissabte", Weekday::Sat),
    ("diumenge", Weekday::Sun),
    ("Δευτέρα", Weekday::Mon),
    ("Τρίτη", Weekday::Tue),
    ("Τετάρτη", Weekday::Wed),
    ("Πέμπτη", Weekday::Thu),
    ("Παρασκευή", Weekday::Fri),
    ("Σάββατο", Weekday::Sat),
    ("Κυριακή", Weekday::Sun),
    ("الإثنين", Weekday::Mon),
    ("الاثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الأربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعة", Weekday::Fri),
    ("السبت", Weekday::Sat),
    ("الأحد", Weekday::Sun),
];

/// Every weekday name a rule may read before a clock with no date (`fredag 10:05`): those of
/// [`WEEKDAYS`] and the ones of `scan.rs`'s other languages in [`GATE_WORDS`], each as written
/// and by its key (without its marks), as `scan.rs` lists them in an alternation.
pub(crate) fn weekday_words() -> Vec<String> {
    let intl = GATE_WORDS
        .iter()
        .filter(|(_, bit)| *bit == Kind::INTL_WEEKDAY)
        .flat_map(|(words, _)| words.iter().copied());
    let mut words: Vec<String> = Vec::new();
    for name in WEEKDAYS.iter().map(|(name, _)| *name).chain(intl) {
        if name.is_ascii() {
            words.push(name.to_ascii_lowercase());
        } else {
            words.push(name.to_lowercase());
            words.push(key(name));
        }
    }
    words
}

/// What a name's key stands for, and the names of the tables with that key.
struct Entry<T> {
    value: T,
    names: Vec<&'static str>,
    /// The triggers of [`Entry::names`], one of which a word must hold to be read (see
    /// [`holds`]), worked out the first time a word with this key is looked up.
    triggers: OnceLock<Vec<String>>,
}

impl<T> Entry<T> {
    /// The triggers of every name with this key, each once.
    fn triggers(&self) -> &[String] {
        self.triggers.get_or_init(|| {
            let mut all: Vec<String> = Vec::new();
            for t in self.names.iter().flat_map(|name| triggers(name)) {
                if !all.contains(&t) {
                    all.push(t);
                }
            }
            all
        })
    }
}

/// Every month table but [`SHARED`].
const MONTH_TABLES: &[&[(&str, u32)]] = &[
    POLISH,
    CZECH_SLOVAK,
    SOUTH_SLAVIC,
    CYRILLIC,
    GREEK,
    DEVANAGARI,
    THAI,
    TURKISH_TO_ALBANIAN,
    NORTH_AND_ISLANDS,
    ARABIC,
];

/// A table keyed by [`key`], each key with all its names (the first one's value).
fn table<T: Copy>(rows: impl Iterator<Item = (&'static str, T)>) -> HashMap<String, Entry<T>> {
    let mut map: HashMap<String, Entry<T>> = HashMap::new();
    for (name, value) in rows {
        map.entry(key(name))
            .or_insert_with(|| Entry {
                value,
                names: Vec::new(),
                triggers: OnceLock::new(),
            })
            .names
            .push(name);
    }
    map
}

/// The month tables, then the [`SHARED`] names whose keys no other table has. Built the first
/// time a rule reads a word in a month's place: a page whose lines the gate never lets through
/// to those rules never builds it.
static MONTHS: LazyLock<HashMap<String, Entry<u32>>> = LazyLock::new(|| {
    let mut months = table(MONTH_TABLES.iter().flat_map(|rows| rows.iter().copied()));
    for (key, entry) in table(SHARED.iter().copied()) {
        months.entry(key).or_insert(entry);
    }
    months
});

/// The weekday table, built the first time a rule reads a word in a weekday's place.
static WEEKDAY_NAMES: LazyLock<HashMap<String, Entry<Weekday>>> =
    LazyLock::new(|| table(WEEKDAYS.iter().copied()));

/// The key a name is compared by: small letters, marks dropped, `ł`, `ı`, `ø`, `đ` as `l`, `i`,
/// `o`, `d`, apostrophes kept, a final dot or comma cut.
pub(crate) fn key(name: &str) -> String {
    name.trim_end_matches(['.', ','])
        .nfd()
        // Thai vowels and tone marks are letters of the word (`มี.ค.` is March, `ม.ค.` January).
        .filter(|c| !is_combining_mark(*c) || ('\u{e31}'..='\u{e4e}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ł' => 'l',
            'ı' => 'i',
            'ø' => 'o',
            'đ' => 'd',
            'ς' => 'σ',
            c => c,
        })
        .collect()
}

/// English month and weekday names and words news prints beside dates, in which no trigger of a
/// name may stand (`januar` is in `January`, so `januara`'s trigger is `uara`).
const ENGLISH: &str = "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday updated published international christian minister government president center enter water after later other";

/// The letters a word must hold to be read as `name` (see [`holds`]): four ASCII letters of the
/// name (in any case) that stand in no word of [`ENGLISH`], else its longest run of ASCII
/// letters if that has four or more; else, for a name with letters outside ASCII, its second to
/// fourth letters in small and in capital letters, with and without marks (so also in the name
/// with a capital first letter), when they are not all ASCII; else the whole name in small,
/// capital and title case, with and without marks.
pub(crate) fn triggers(name: &str) -> Vec<String> {
    let ascii = name
        .split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|run| run.len())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ascii.len() >= 4 {
        let gram = (0..=ascii.len() - 4)
            .filter_map(|i| ascii.get(i..i + 4))
            .find(|g| !ENGLISH.contains(g));
        return vec![gram.unwrap_or(&ascii).to_owned()];
    }
    let bare: String = name.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let variants = [
        name.to_lowercase(),
        name.to_uppercase(),
        bare.to_lowercase(),
        bare.to_uppercase(),
    ];
    let stems: Vec<String> = variants
        .iter()
        .map(|v| v.nfc().skip(1).take(3).collect::<String>())
        .collect();
    let mut out: Vec<String> = Vec::new();
    if name.chars().count() >= 3
        && stems
            .iter()
            .all(|s| s.chars().count() >= 2 && !s.is_ascii())
    {
        for s in stems {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        return out;
    }
    for v in variants {
        let v: String = v.nfc().collect();
        let mut title: String = v.chars().take(1).flat_map(char::to_uppercase).collect();
        title.extend(v.chars().skip(1).flat_map(char::to_lowercase));
        for w in [v, title] {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// Whether `word` holds one of `triggers`, ASCII letters in any case.
fn holds(word: &str, triggers: &[String]) -> bool {
    let lowered = word.to_ascii_lowercase();
    triggers
        .iter()
        .any(|t| lowered.contains(t.to_ascii_lowercase().as_str()))
}

/// The month `word` names in a language of this table, and whether it is spelled as a [`SHARED`]
/// name (`november`, not `január`), or `None`. The word may end with a dot.
pub(crate) fn month(word: &str) -> Option<(u32, bool)> {
    let entry = MONTHS.get(&key(word))?;
    let bare = word.trim_end_matches(['.', ',']);
    let shared = SHARED.iter().any(|(s, _)| bare.eq_ignore_ascii_case(s));
    holds(word, entry.triggers()).then_some((entry.value, shared))
}

/// The weekday `word` names in a language of [`WEEKDAYS`], or `None`.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let entry = WEEKDAY_NAMES.get(&key(word))?;
    holds(word, entry.triggers()).then_some(entry.value)
}

/// What a word in Latin letters can be read as by [`month`] and [`weekday`], by its key alone:
/// what the gate needs to know of a line's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Kind {
    /// A month, spelled as no [`SHARED`] name is (`sierpnia`, `január`).
    pub own_month: bool,
    /// A month spelled as a [`SHARED`] name (`november`, `jan`).
    pub shared_month: bool,
    /// A weekday (`fredag`, `Cuma`).
    pub weekday: bool,
    /// A Spanish, Portuguese or Catalan month in full (`octubre`, `março`), of [`GATE_WORDS`].
    pub iberian_month: bool,
    /// A word for today or yesterday in another language (`hoy`, `gestern`), of [`GATE_WORDS`].
    pub day_word: bool,
    /// A weekday in full in German, Italian, French, Spanish, Portuguese, Dutch or Catalan
    /// (`Dienstag`, `venerdì`, `dimarts`), of [`GATE_WORDS`].
    pub intl_weekday: bool,
}

/// Words of the rules of `scan.rs` (not of the tables above) that the gate finds by their keys,
/// as it finds the names here, on a line with a year or a clock's shape, where the rules that
/// read them need one: Spanish, Portuguese and Catalan months ([`Kind::iberian_month`]), today and
/// yesterday ([`Kind::day_word`], with `dag` and `går` of Nordic `i dag`, `i går`), weekdays
/// of `scan.rs`'s other languages ([`Kind::intl_weekday`]).
const GATE_WORDS: &[(&[&str], u8)] = &[
    (
        &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "setiembre",
            "octubre",
            "noviembre",
            "diciembre",
            "janeiro",
            "fevereiro",
            "março",
            "maio",
            "junho",
            "julho",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
            "gener",
            "febrer",
            "març",
            "maig",
            "juny",
            "juliol",
            "agost",
            "setembre",
            "novembre",
            "desembre",
        ],
        Kind::IBERIAN,
    ),
    (
        &[
            "hoy",
            "ayer",
            "hoje",
            "ontem",
            "aujourd'hui",
            "aujourd\u{2019}hui",
            "hier",
            "heute",
            "gestern",
            "oggi",
            "ieri",
            "vandaag",
            "gisteren",
            "avui",
            "ahir",
            "dzisiaj",
            "dziś",
            "wczoraj",
            "dnes",
            "včera",
            "danas",
            "jučer",
            "juče",
            "danes",
            "včeraj",
            "bugün",
            "dün",
            "astăzi",
            "azi",
            "idag",
            "igår",
            "dag",
            "går",
            "tänään",
            "eilen",
        ],
        Kind::DAY_WORD,
    ),
    (
        &[
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonnabend",
            "sonntag",
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
            "segunda",
            "terça",
            "quarta",
            "quinta",
            "sexta",
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
            "dilluns",
            "dimarts",
            "dimecres",
            "dijous",
            "divendres",
            "dissabte",
            "diumenge",
        ],
        Kind::INTL_WEEKDAY,
    ),
];

impl Kind {
    /// Every kind: what a word the gate does not compare may be.
    const EVERY: Kind = Kind {
        own_month: true,
        shared_month: true,
        weekday: true,
        iberian_month: true,
        day_word: true,
        intl_weekday: true,
    };

    /// What either `self` or `other` is.
    fn or(self, other: Kind) -> Kind {
        Kind {
            own_month: self.own_month || other.own_month,
            shared_month: self.shared_month || other.shared_month,
            weekday: self.weekday || other.weekday,
            iberian_month: self.iberian_month || other.iberian_month,
            day_word: self.day_word || other.day_word,
            intl_weekday: self.intl_weekday || other.intl_weekday,
        }
    }
}

/// The bits of a [`Kind`] in [`Keys::kinds`].
impl Kind {
    /// The key of a month of [`MONTH_TABLES`].
    const OWN: u8 = 1;
    /// The key of a [`SHARED`] name.
    const SHARED: u8 = 2;
    /// The key of a weekday.
    const WEEKDAY: u8 = 4;
    /// The key of a word of [`GATE_WORDS`]: a Spanish, Portuguese or Catalan month.
    const IBERIAN: u8 = 8;
    /// The key of a word of [`GATE_WORDS`]: today or yesterday.
    const DAY_WORD: u8 = 16;
    /// The key of a word of [`GATE_WORDS`]: a weekday of `scan.rs`'s other languages.
    const INTL_WEEKDAY: u8 = 32;
}

/// The keys of the names in Latin letters, which the gate compares a line's words with: the
/// tables need not be built for that (their keys in other scripts need Unicode decomposition,
/// and every page with a year has words to compare).
struct Keys {
    /// Each key with the bits of [`Kind`] it stands for.
    kinds: HashMap<Box<str>, u8, BuildHasherDefault<Fnv>>,
    /// For each pair of ASCII letters (`a`-`z`), the lengths of the keys that start with it, one
    /// bit each: most words of a line are passed over without hashing them.
    starts: Box<[u32; 26 * 26]>,
    /// Whether a key has no place in [`Keys::starts`] (none yet): then every word is hashed.
    unfiltered: bool,
}

/// The index of a word's first two letters in [`Keys::starts`], if both are ASCII letters.
fn start(word: &[u8]) -> Option<usize> {
    match word {
        [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(
            usize::from(a.to_ascii_lowercase() - b'a') * 26
                + usize::from(b.to_ascii_lowercase() - b'a'),
        ),
        _ => None,
    }
}

/// The bit of a word's length in [`Keys::starts`] (none for 32 bytes or more).
fn length_bit(len: usize) -> u32 {
    u32::try_from(len)
        .ok()
        .and_then(|len| 1u32.checked_shl(len))
        .unwrap_or(0)
}

/// FNV-1a, the hash of [`Keys::kinds`]: for keys of a few letters std's SipHash costs more than
/// the rest of a lookup.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The [`Keys`], built the first time the gate meets a line with a year.
static KEYS: LazyLock<Keys> = LazyLock::new(|| {
    let mut kinds: HashMap<Box<str>, u8, BuildHasherDefault<Fnv>> = HashMap::default();
    let mut add = |name: &str, bit: u8| {
        if name.chars().all(|c| c < '\u{370}') {
            let k = if name.is_ascii() {
                name.to_ascii_lowercase()
            } else {
                key(name)
            };
            *kinds.entry(k.into_boxed_str()).or_default() |= bit;
        }
    };
    for (name, _) in MONTH_TABLES.iter().flat_map(|rows| rows.iter()) {
        add(name, Kind::OWN);
    }
    for (name, _) in SHARED {
        add(name, Kind::SHARED);
    }
    for (name, _) in WEEKDAYS {
        add(name, Kind::WEEKDAY);
    }
    for (words, bit) in GATE_WORDS {
        for word in *words {
            add(word, *bit);
        }
    }
    let mut starts = Box::new([0u32; 26 * 26]);
    let mut unfiltered = false;
    for k in kinds.keys() {
        match start(k.as_bytes()).and_then(|i| starts.get_mut(i)) {
            Some(lengths) if length_bit(k.len()) != 0 => *lengths |= length_bit(k.len()),
            _ => unfiltered |= k.is_ascii(),
        }
    }
    Keys {
        kinds,
        starts,
        unfiltered,
    }
});

/// What the words of `line` can be read as, together: what the gate needs to know of a line
/// with a year.
///
/// The rules that read these names take a word's run of letters whole (a space, a digit or
/// punctuation on either side), or two runs joined by an apostrophe (`jum'at`), or, before a
/// day, any end of a run that a stamp may start with: one that starts with a letter right after
/// a letter is no stamp, so only a run with a combining mark has such ends (`X\u{301}fredag`).
/// So each run of Latin letters and each pair joined by an apostrophe is compared with the
/// names' keys ([`Keys::kind`]), and a combining mark or a Greek, Cyrillic, Arabic or Devanagari
/// letter, whose
/// words are not compared, makes the line [`Kind::EVERY`]. Read byte by byte: most of a line is
/// ASCII.
pub(crate) fn on_line(line: &str) -> Kind {
    /// What joins two runs into one word.
    const APOSTROPHES: [&[u8]; 3] = [b"'", "\u{2019}".as_bytes(), "\u{2bc}".as_bytes()];
    let keys = &*KEYS;
    let bytes = line.as_bytes();
    let mut found = Kind::default();
    // The run of letters before the one being read.
    let mut before: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // A run of letters, or a character outside ASCII that is none (`skip` long).
        let start = i;
        let mut ascii = true;
        let mut skip = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            if b < 0x80 {
                break;
            }
            let c = line
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            if matches!(c, '\u{300}'..='\u{36f}' | '\u{370}'..='\u{52f}' | '\u{620}'..='\u{65f}' | '\u{66e}'..='\u{6d3}' | '\u{900}'..='\u{97f}' | '\u{e01}'..='\u{e4e}')
            {
                return Kind::EVERY;
            }
            if !matches!(c, '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}') {
                skip = c.len_utf8();
                break;
            }
            ascii = false;
            i += c.len_utf8();
        }
        if i > start {
            found = found.or(keys.kind(bytes.get(start..i).unwrap_or_default(), ascii));
            if let Some((first, end)) = before
                && bytes
                    .get(end..start)
                    .is_some_and(|between| APOSTROPHES.contains(&between))
            {
                let pair = bytes.get(first..i).unwrap_or_default();
                found = found.or(keys.kind(pair, pair.is_ascii()));
            }
            before = Some((start, i));
        }
        i += skip;
    }
    found
}

impl Keys {
    /// What `word`, a run of Latin letters (ASCII, Latin-1, Latin Extended-A and -B, combining
    /// marks) in UTF-8, all ASCII when `ascii`, can be read as: a word the rules read as a name
    /// has its key among those of the tables. A word spelled as a [`SHARED`] name is a shared
    /// month only, as [`month`] reads it, even where a table's own name has the same key
    /// (`januar`, `január`).
    fn kind(&self, word: &[u8], ascii: bool) -> Kind {
        let bits = if ascii {
            let lengths = start(word)
                .and_then(|i| self.starts.get(i))
                .copied()
                .unwrap_or(0);
            if lengths & length_bit(word.len()) == 0 && !self.unfiltered {
                return Kind::default();
            }
            let mut buf = [0u8; 32];
            let lowered: Vec<u8>;
            let lowered = match buf.get_mut(..word.len()) {
                Some(small) => {
                    small.copy_from_slice(word);
                    small.make_ascii_lowercase();
                    &*small
                }
                None => {
                    lowered = word.to_ascii_lowercase();
                    &lowered
                }
            };
            std::str::from_utf8(lowered)
                .ok()
                .and_then(|k| self.kinds.get(k))
                .copied()
        } else {
            std::str::from_utf8(word)
                .ok()
                .and_then(|w| self.kinds.get(key(w).as_str()))
                .copied()
        };
        let bits = bits.unwrap_or(0);
        let shared_spelling = bits & Kind::SHARED != 0 && ascii;
        Kind {
            own_month: bits & Kind::OWN != 0 && !shared_spelling
                || bits & Kind::SHARED != 0 && !ascii,
            shared_month: shared_spelling,
            weekday: bits & Kind::WEEKDAY != 0,
            iberian_month: bits & Kind::IBERIAN != 0,
            day_word: bits & Kind::DAY_WORD != 0,
            intl_weekday: bits & Kind::INTL_WEEKDAY != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_of_their_cases_and_spellings() {
        let months = [
            ("sierpnia", 8),
            ("Września", 9),
            ("wrzesnia", 9),
            ("PAŹDZIERNIKA", 10),
            ("listopadu", 11),
            ("ноября", 11),
            ("Декабря", 12),
            ("ЧЕРВНЯ", 6),
            ("нояб.", 11),
            ("Αυγούστου", 8),
            ("ΑΥΓΟΥΣΤΟΥ", 8),
            ("Μαΐου", 5),
            ("Şubat", 2),
            ("Subat", 2),
            ("ARALIK", 12),
            ("március", 3),
            ("márc.", 3),
            ("septembrie", 9),
            ("spalio", 10),
            ("gusht", 8),
            ("marts", 3),
            ("syyskuuta", 9),
            ("Maret", 3),
            ("Març", 3),
            ("mart", 3),
            ("studenoga", 11),
            ("lipnja", 6),
            ("srpna", 8),
            ("مارس", 3),
            ("ابريل", 4),
            ("كانون الثاني", 1),
            ("تشرين الأول", 10),
            ("آب", 8),
        ];
        for (name, m) in months {
            assert_eq!(month(name).map(|(m, _)| m), Some(m), "{name}");
        }
        assert_eq!(month("november"), Some((11, true)));
        assert_eq!(month("január"), Some((1, false)));
        assert_eq!(month("people"), None);
        // A mixed-case word holds no trigger of a name without ASCII letters.
        assert_eq!(month("нОЯбря"), None);
        let days = [
            ("piątek", Weekday::Fri),
            ("Четверг", Weekday::Thu),
            ("ПЯТНИЦА", Weekday::Fri),
            ("п'ятниця", Weekday::Fri),
            ("Cuma", Weekday::Fri),
            ("duminică", Weekday::Sun),
            ("Dilluns", Weekday::Mon),
            ("fredag", Weekday::Fri),
            ("Παρασκευή", Weekday::Fri),
            ("الإثنين", Weekday::Mon),
            ("الاثنين", Weekday::Mon),
        ];
        for (name, day) in days {
            assert_eq!(weekday(name), Some(day), "{name}");
        }
    }

    #[test]
    fn each_name_holds_a_trigger_in_small_capital_and_title_case() {
        let rows = MONTH_TABLES
            .iter()
            .flat_map(|rows| rows.iter().map(|r| r.0))
            .chain(WEEKDAYS.iter().map(|r| r.0));
        for name in rows {
            let mut title: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
            title.extend(name.chars().skip(1));
            for variant in [name.to_lowercase(), name.to_uppercase(), title] {
                // Greek `ΐ` in capitals is no letter of its own (pages print `ΜΑΪΟΥ`, listed).
                let variant: String = variant.nfc().collect();
                if variant.chars().any(is_combining_mark) {
                    continue;
                }
                let ok = month(&variant).is_some() || weekday(&variant).is_some();
                assert!(ok, "{variant} ({name})");
            }
        }
    }

    #[test]
    fn the_gate_finds_names_by_the_words_of_a_line() {
        // English dates have no name of the tables.
        assert_eq!(on_line("Friday 03 January 2020 19:44 GMT"), Kind::default());
        assert_eq!(on_line("Jon Sharman3 January 2020 12:44"), Kind::default());
        assert_eq!(on_line("12:31 p.m. ET, January 4, 2020"), Kind::default());
        // A shared name is read only with a weekday or as a year-first date's month.
        let shared = on_line("5 November 2021");
        assert!(shared.shared_month && !shared.own_month && !shared.weekday);
        let with_weekday = on_line("fredag 5 november 2021");
        assert!(with_weekday.shared_month && with_weekday.weekday);
        // Own names, with or without their marks, in any case.
        assert!(on_line("19 sierpnia 2020, 5:16").own_month);
        assert!(on_line("19 WRZESNIA 2020").own_month);
        assert!(on_line("19 września 2020").own_month);
        assert!(on_line("5. január 2021").own_month);
        let januar = on_line("5. januar 2021");
        assert!(januar.shared_month && !januar.own_month);
        // Two runs joined by an apostrophe are a word too.
        assert!(on_line("Jum'at, 3 April 2020").weekday);
        assert!(!on_line("Jum, 3 April 2020").weekday);
        // Words the gate does not compare.
        assert_eq!(on_line("5 ноября 2021"), Kind::EVERY);
        assert_eq!(on_line("X\u{301}fredag 5 november 2021"), Kind::EVERY);
    }

    /// The gate finds every name that [`month`] and [`weekday`] read in Latin letters, in small,
    /// capital and title case and spelled without marks, as the kind they are read as.
    #[test]
    fn every_name_in_latin_letters_is_found_by_its_kind() {
        let rows = MONTH_TABLES
            .iter()
            .flat_map(|rows| rows.iter().map(|r| r.0))
            .chain(SHARED.iter().map(|r| r.0))
            .chain(WEEKDAYS.iter().map(|r| r.0))
            .filter(|name| name.chars().all(|c| c < '\u{370}'));
        let mut read = 0;
        for name in rows {
            let bare: String = name.nfd().filter(|c| !is_combining_mark(*c)).collect();
            let mut title: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
            title.extend(name.chars().skip(1));
            for variant in [name.to_lowercase(), name.to_uppercase(), title, bare] {
                let variant: String = variant.nfc().collect();
                let found = on_line(&format!("5 {variant} 2021"));
                if let Some((_, shared)) = month(&variant) {
                    read += 1;
                    let kind = if shared {
                        found.shared_month
                    } else {
                        found.own_month
                    };
                    assert!(kind, "{variant} ({name}): {found:?}");
                }
                if weekday(&variant).is_some() {
                    read += 1;
                    assert!(found.weekday, "{variant} ({name}): {found:?}");
                }
            }
        }
        assert!(read > 1000, "{read}");
    }

    #[test]
    fn every_key_has_its_place_among_the_starts() {
        assert!(!KEYS.unfiltered);
        for k in KEYS.kinds.keys() {
            assert_ne!(
                KEYS.kind(k.as_bytes(), k.is_ascii()),
                Kind::default(),
                "{k}"
            );
        }
    }

    #[test]
    fn keys_are_distinct_but_for_the_same_reading() {
        let mut seen: HashMap<String, u32> = HashMap::new();
        for rows in MONTH_TABLES {
            for (name, m) in *rows {
                if let Some(prev) = seen.insert(key(name), *m) {
                    assert_eq!(prev, *m, "{name}");
                }
            }
        }
        let mut days: HashMap<String, Weekday> = HashMap::new();
        for (name, d) in WEEKDAYS {
            if let Some(prev) = days.insert(key(name), *d) {
                assert_eq!(prev, *d, "{name}");
            }
        }
    }
}
