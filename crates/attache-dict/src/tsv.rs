//! The one table format: UTF-8 TSV, `#` comment lines, one header line naming the columns,
//! `|` between the items of a list field. Parsing checks the header and the field count of
//! every row and reports each problem with file, line and a stable code.

use crate::Diagnostic;

/// One data row, with the line it came from (1-based) for diagnostics.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub file: &'a str,
    pub line: usize,
    fields: Vec<&'a str>,
    columns: &'a [&'a str],
}

impl<'a> Row<'a> {
    /// The field of a named column ("" when empty). Panics only on a column name that is not
    /// in the table's declared columns, which is a programming error caught by tests.
    pub fn get(&self, column: &str) -> &'a str {
        let i = self
            .columns
            .iter()
            .position(|c| *c == column)
            .unwrap_or_else(|| panic!("column {column} not declared"));
        self.fields.get(i).copied().unwrap_or("").trim()
    }

    /// The key column (the first one).
    pub fn first(&self) -> &'a str {
        self.fields.first().copied().unwrap_or("").trim()
    }

    pub fn opt(&self, column: &str) -> Option<&'a str> {
        let v = self.get(column);
        (!v.is_empty()).then_some(v)
    }

    pub fn list(&self, column: &str) -> Vec<&'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }

    pub fn diag(&self, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.file.to_string(),
            line: self.line,
            code,
            message: message.into(),
        }
    }
}

/// Parses a table that must have exactly `columns` (in this order). Trailing empty fields
/// may be omitted; extra fields are an error.
pub fn parse<'a>(
    file: &'a str,
    content: &'a str,
    columns: &'a [&'a str],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim_end_matches('\r');
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split('\t').collect();
        if !header_seen {
            header_seen = true;
            let got: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
            if got != columns {
                diags.push(Diagnostic {
                    file: file.to_string(),
                    line,
                    code: "D001",
                    message: format!(
                        "header is `{}`, expected `{}`",
                        got.join("\\t"),
                        columns.join("\\t")
                    ),
                });
                return rows;
            }
            continue;
        }
        if fields.len() > columns.len() {
            diags.push(Diagnostic {
                file: file.to_string(),
                line,
                code: "D002",
                message: format!(
                    "{} fields, the table has {} columns",
                    fields.len(),
                    columns.len()
                ),
            });
            continue;
        }
        if fields[0].trim().is_empty() {
            diags.push(Diagnostic {
                file: file.to_string(),
                line,
                code: "D003",
                message: "the first column (the key) is empty".into(),
            });
            continue;
        }
        rows.push(Row {
            file,
            line,
            fields,
            columns,
        });
    }
    if !header_seen {
        diags.push(Diagnostic {
            file: file.to_string(),
            line: 1,
            code: "D001",
            message: format!("no header line; expected `{}`", columns.join("\\t")),
        });
    }
    rows
}
