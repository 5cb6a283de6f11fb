//! Quoting for the few places where a name cannot be a bind parameter (DDL, qualified table names).
//! Catalog queries bind names as parameters instead.

/// Quotes an identifier the way PostgreSQL's `quote_ident` does, unconditionally: `"a""b"`.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `"schema"."name"`.
pub fn qualified(schema: &str, name: &str) -> String {
    format!("{}.{}", quote(schema), quote(name))
}

/// A SQL string literal: `'it''s'`. Only for DDL that takes no parameters (`COMMENT ON`).
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_hostile_names_as_data() {
        assert_eq!(quote("public"), "\"public\"");
        assert_eq!(
            quote("a\"; DROP TABLE x; --"),
            "\"a\"\"; DROP TABLE x; --\""
        );
        assert_eq!(qualified("s p", "oban_jobs"), "\"s p\".\"oban_jobs\"");
        assert_eq!(literal("it's"), "'it''s'");
    }
}
