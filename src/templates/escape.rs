//! Escaping text for Typst markup: whatever a field contains prints as
//! written and executes nothing.

/// Escapes `text` so that Typst markup shows it literally: every ASCII
/// character with a meaning in markup gets a backslash; line breaks become
/// Typst line breaks.
pub fn typst_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '#' | '*' | '_' | '$' | '<' | '>' | '@' | '[' | ']' | '`' | '~' | '\'' | '"'
            | '/' | '=' | '-' | '+' | ':' | '{' | '}' | '.' | '|' | '^' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\ "),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A Typst string literal (`"…"`) with the given content.
pub fn typst_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sonderzeichen_werden_maskiert() {
        assert_eq!(typst_text("#panic(\"x\")"), "\\#panic(\\\"x\\\")");
        assert_eq!(typst_text("*fett*"), "\\*fett\\*");
        assert_eq!(typst_text("a ] b"), "a \\] b");
        assert_eq!(typst_text("$x$"), "\\$x\\$");
        assert_eq!(typst_text("@ref <lbl>"), "\\@ref \\<lbl\\>");
        assert_eq!(typst_text("Zeile\nzwei"), "Zeile\\ zwei");
        assert_eq!(typst_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
