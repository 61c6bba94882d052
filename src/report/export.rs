//! Dataset export: typed tables written as CSV (RFC 4180, formula cells neutralised) or JSON Lines,
//! with a data dictionary in `dataset.json`.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::safe_cell;

/// A column: name, type, unit and meaning (the data dictionary).
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: &'static str,
    pub unit: &'static str,
    pub meaning: &'static str,
}

pub const fn col(
    name: &'static str,
    ty: &'static str,
    unit: &'static str,
    meaning: &'static str,
) -> Column {
    Column {
        name,
        ty,
        unit,
        meaning,
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Text we produced (dates, enums, numbers as text): written as is.
    Plain(String),
    /// Text from outside (titles, URLs, names): neutralised in CSV.
    Untrusted(String),
    /// A list (JSON array; `;`-joined in CSV).
    List(Vec<Cell>),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            // full precision, shortest round-trip form
            Cell::Float(f) if f.is_finite() => format!("{f:?}"),
            Cell::Float(_) => String::new(),
            Cell::Bool(b) => b.to_string(),
            Cell::Plain(s) => s.clone(),
            Cell::Untrusted(s) => safe_cell(s),
            Cell::List(v) => {
                safe_cell(&v.iter().map(|c| c.csv_raw()).collect::<Vec<_>>().join(";"))
            }
        }
    }

    fn csv_raw(&self) -> String {
        match self {
            Cell::Untrusted(s) | Cell::Plain(s) => s.clone(),
            other => other.csv(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(i) => (*i).into(),
            Cell::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Cell::Bool(b) => (*b).into(),
            Cell::Plain(s) | Cell::Untrusted(s) => s.clone().into(),
            Cell::List(v) => Value::Array(v.iter().map(Cell::json).collect()),
        }
    }
}

pub fn opt_f(v: Option<f64>) -> Cell {
    v.map_or(Cell::Null, Cell::Float)
}

pub fn opt_i(v: Option<i64>) -> Cell {
    v.map_or(Cell::Null, Cell::Int)
}

pub fn opt_t(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, |s| Cell::Untrusted(s.to_string()))
}

pub fn opt_p(v: Option<&str>) -> Cell {
    v.map_or(Cell::Null, |s| Cell::Plain(s.to_string()))
}

/// A table to export.
pub struct Table {
    pub name: &'static str,
    pub description: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
}

/// Write a table as `<dir>/<name>.csv` or `.jsonl`; returns the file name.
pub fn write_table(dir: &Path, t: &Table, format: Format) -> std::io::Result<String> {
    let (file, ext) = match format {
        Format::Csv => (format!("{}.csv", t.name), "csv"),
        Format::Jsonl => (format!("{}.jsonl", t.name), "jsonl"),
        Format::Parquet => {
            return Err(std::io::Error::other(
                "parquet export is not built into this binary",
            ));
        }
    };
    let path = dir.join(&file);
    let f = std::fs::File::create(&path)?;
    let mut w = std::io::BufWriter::new(f);
    if ext == "csv" {
        let mut cw = csv::Writer::from_writer(w);
        cw.write_record(t.columns.iter().map(|c| c.name))?;
        for row in &t.rows {
            cw.write_record(row.iter().map(Cell::csv))?;
        }
        cw.flush()?;
    } else {
        for row in &t.rows {
            let obj: serde_json::Map<String, Value> = t
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| (c.name.to_string(), v.json()))
                .collect();
            serde_json::to_writer(&mut w, &Value::Object(obj))?;
            writeln!(w)?;
        }
        w.flush()?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_typed_and_untrusted_text_is_neutralised() {
        assert_eq!(Cell::Untrusted("=1+1".into()).csv(), "'=1+1");
        assert_eq!(Cell::Plain("-5".into()).csv(), "-5");
        assert_eq!(Cell::Float(0.1 + 0.2).csv(), "0.30000000000000004");
        assert_eq!(Cell::Float(f64::NAN).csv(), "");
        assert_eq!(
            Cell::List(vec![Cell::Plain("IREN".into()), Cell::Plain("CIFR".into())]).csv(),
            "IREN;CIFR"
        );
        assert_eq!(Cell::Float(2.5).json(), serde_json::json!(2.5));
        assert_eq!(Cell::Null.json(), Value::Null);
    }
}
