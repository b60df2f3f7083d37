//! What a single line of a dump is: a date, a heading, a numbered paragraph.

/// Months by name, for datelines.
const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The line as a `YYYY-MM-DD` date when it is one and nothing else: `7 July 2017`,
/// `July 7, 2017` or `2017-07-07`.
pub fn date_of(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let month = |w: &str| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)).map(|i| i + 1);
    let day = |w: &str| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    let year = |w: &str| w.parse::<u32>().ok().filter(|y| (1000..=9999).contains(y) && w.len() == 4);
    let (d, m, y) = match words.as_slice() {
        [d, m, y] if day(d).is_some() && month(m).is_some() => (day(d)?, month(m)?, year(y)?),
        [m, d, y] if day(d).is_some() && month(m).is_some() => (day(d)?, month(m)?, year(y)?),
        [iso] => {
            let mut parts = iso.split('-');
            let (y, m, d) = (year(parts.next()?)?, parts.next()?.parse::<usize>().ok()?, day(parts.next()?)?);
            if parts.next().is_some() || !(1..=12).contains(&m) {
                return None;
            }
            (d, m, y)
        }
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The number and text of a numbered line (`10. We underline ...`).
pub fn numbered(line: &str) -> Option<(u32, &str)> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = line[digits..].strip_prefix(". ")?;
    Some((line[..digits].parse().ok()?, rest))
}

/// Whether a line ends as sentences do (closing quotes and brackets looked through).
pub fn closes(line: &str) -> bool {
    let end = line.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»']);
    end.ends_with(['.', '!', '?', ';', ':', ',', '…'])
}

/// Whether a line reads as a heading: short, and not ending as a sentence does.
pub fn heading_like(line: &str) -> bool {
    line.chars().count() <= 120 && !closes(line)
}

/// Words a sentence starts with and a heading hardly ever does.
const SENTENCE_OPENERS: [&str; 12] = ["I", "We", "You", "He", "She", "It", "They", "Our", "My", "Their", "His", "Her"];

/// Whether a line begins as a sentence does, with a pronoun ("We too have reached ...").
pub fn opens_as_sentence(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(|w| SENTENCE_OPENERS.contains(&w))
}

/// A paragraph's text with what Markdown would read as markup at its start escaped (a list
/// marker, a heading's `#`, a quotation's `>`, a number followed by `.` or `)`), so the text
/// reads exactly as it stands.
pub fn escape_markdown(text: &str) -> String {
    let starts_block = text.starts_with(['#', '>', '-', '+', '*', '=', '|', '`', '~', '<'])
        || numbered(text).is_some()
        || text.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(") ") && text.starts_with(|c: char| c.is_ascii_digit());
    let text =
        text.replace('\\', "\\\\").replace('*', "\\*").replace('_', "\\_").replace('`', "\\`").replace('[', "\\[").replace('<', "\\<");
    if starts_block && !text.starts_with('\\') {
        match numbered(&text) {
            Some(_) => text.replacen(". ", "\\. ", 1),
            None => format!("\\{text}"),
        }
    } else {
        text
    }
}

/// A character as it goes into a slug: ASCII letters and digits as they are, accented Latin
/// letters without their accent, anything else left out.
pub fn ascii_of(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let plain = match c.to_lowercase().next()? {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ș' | 'ş' | 'ś' | 'š' => 's',
        'ț' | 'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' | 'ź' | 'ż' => 'z',
        _ => return None,
    };
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_the_forms_releases_use() {
        assert_eq!(date_of("7 July 2017").as_deref(), Some("2017-07-07"));
        assert_eq!(date_of("July 7, 2017").as_deref(), Some("2017-07-07"));
        assert_eq!(date_of("2017-07-07").as_deref(), Some("2017-07-07"));
        assert_eq!(date_of("7 July 2017, Brussels"), None);
        assert_eq!(date_of("In July 2017"), None);
        assert_eq!(date_of("2017-13-07"), None);
    }

    #[test]
    fn headings_are_short_and_unpunctuated() {
        assert!(heading_like("Fighting terrorism finance"));
        assert!(heading_like("1. Investing"));
        assert!(!heading_like("That wouldn’t be the first time our critics have been wrong."));
        assert!(!heading_like("There should be no “safe spaces.”"));
        assert!(!heading_like(&"word ".repeat(40)));
        assert!(opens_as_sentence("We too have reached such a moment"));
        assert!(!opens_as_sentence("US Strongest Ally"));
    }

    #[test]
    fn markup_at_a_paragraphs_start_is_escaped() {
        assert_eq!(escape_markdown("- not a list"), "\\- not a list");
        assert_eq!(escape_markdown("2017. A year"), "2017\\. A year");
        assert_eq!(escape_markdown("Plain *text* [x]"), "Plain \\*text\\* \\[x]");
        assert_eq!(escape_markdown("It’s 2 per cent."), "It’s 2 per cent.");
    }
}
