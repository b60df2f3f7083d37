//! A data file written as text, for a page to carry its own part inside the HTML
//! (`<script type="application/octet-stream">`). Bytes that are printable UTF-8 stay as they
//! are; every other byte, and `\`, `<` and `&`, is written `\hh`. Written by hand because it
//! is what makes carrying the data cheap: the document's words stay verbatim, so brotli finds
//! them again in the page's own text and the data costs about half as much as a separate
//! file would (3.2 KB instead of 7.1 KB for the longest document).

/// The text form of `bytes`: never holds `<` (so never `</script`), `&` or a control character.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match printable_char_at(&bytes[i..]) {
            Some(c) => {
                out.push(c);
                i += c.len_utf8();
            }
            None => {
                out.push_str(&format!("\\{:02x}", bytes[i]));
                i += 1;
            }
        }
    }
    out
}

/// The character `bytes` start with, if it is valid UTF-8 and safe to write as it is.
fn printable_char_at(bytes: &[u8]) -> Option<char> {
    let len = match bytes.first()? {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(..len)?).ok()?.chars().next()?;
    let unsafe_char = c.is_control() || matches!(c, '\\' | '<' | '&');
    (!unsafe_char).then_some(c)
}

/// The bytes of a text form; `None` for a malformed one.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let hex = rest.get(at + 1..at + 3)?;
        out.push(u8::from_str_radix(hex, 16).ok()?);
        rest = &rest[at + 3..];
    }
    out.extend_from_slice(rest.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_bytes_come_back_unchanged() {
        let mut bytes: Vec<u8> = (0..=255).collect();
        bytes.extend("Daesh’s “core” — ¶ 7 <script> & \\ \r\n".as_bytes());
        bytes.extend([0xe2, 0x80]); // a character cut short
        let text = encode(&bytes);
        assert!(!text.contains('<') && !text.contains('&') && !text.chars().any(char::is_control));
        assert_eq!(decode(&text).as_deref(), Some(bytes.as_slice()));
    }

    #[test]
    fn words_stay_words() {
        assert_eq!(encode("the G20’s leaders".as_bytes()), "the G20’s leaders");
    }

    #[test]
    fn a_malformed_text_form_is_refused() {
        assert_eq!(decode("ab\\4"), None);
        assert_eq!(decode("ab\\zz"), None);
    }
}
