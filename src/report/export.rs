//! Dataset export: typed tables written as CSV (RFC 4180, formula cells neutralised) or JSON Lines,
//! with a data dictionary in `dataset.json`.

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::safe_cell;

/// A column's type, as the data dictionary names it and as Parquet stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ColType {
    #[serde(rename = "integer")]
    Integer,
    #[serde(rename = "float")]
    Float,
    #[serde(rename = "boolean")]
    Boolean,
    #[serde(rename = "string")]
    String,
    /// YYYY-MM-DD
    #[serde(rename = "date")]
    Date,
    /// RFC 3339, UTC
    #[serde(rename = "datetime")]
    DateTime,
    #[serde(rename = "list<string>")]
    ListString,
    #[serde(rename = "list<integer>")]
    ListInteger,
    #[serde(rename = "list<float>")]
    ListFloat,
}

/// A column: name, type, unit and meaning (the data dictionary).
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: ColType,
    pub unit: &'static str,
    pub meaning: &'static str,
}

/// A column declared once: its dictionary entry and how to get its cell from a row of type `R`.
pub struct ColumnDef<R> {
    pub name: &'static str,
    pub ty: ColType,
    pub unit: &'static str,
    pub meaning: &'static str,
    pub get: fn(&R) -> Cell,
}

/// A table declared once: the writers and the data dictionary both come from this.
pub struct TableDef<R: 'static> {
    pub name: &'static str,
    pub description: &'static str,
    pub columns: &'static [ColumnDef<R>],
}

impl<R> TableDef<R> {
    /// The table of these rows, every cell got through its column's declaration.
    pub fn table(&self, rows: &[R]) -> Table {
        Table {
            name: self.name,
            description: self.description,
            columns: self
                .columns
                .iter()
                .map(|c| Column {
                    name: c.name,
                    ty: c.ty,
                    unit: c.unit,
                    meaning: c.meaning,
                })
                .collect(),
            rows: rows
                .iter()
                .map(|r| self.columns.iter().map(|c| (c.get)(r)).collect())
                .collect(),
        }
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

/// A table to export, made by [`TableDef::table`].
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

/// Write `<dir>/<file>` whole or not at all: into `.<file>.partial` first, renamed over the file
/// only when complete (a killed or failed export never leaves a truncated table behind).
pub fn write_atomically(
    dir: &Path,
    file: &str,
    fill: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = dir.join(format!(".{file}.partial"));
    match fill(&tmp).and_then(|()| std::fs::File::open(&tmp)?.sync_all()) {
        Ok(()) => std::fs::rename(&tmp, dir.join(file)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Write a table as `<dir>/<name>.csv`, `.jsonl` or `.parquet` (atomically); returns the file
/// name.
pub fn write_table(dir: &Path, t: &Table, format: Format) -> std::io::Result<String> {
    let (file, ext) = match format {
        Format::Csv => (format!("{}.csv", t.name), "csv"),
        Format::Jsonl => (format!("{}.jsonl", t.name), "jsonl"),
        Format::Parquet => {
            #[cfg(feature = "parquet")]
            {
                let file = format!("{}.parquet", t.name);
                write_atomically(dir, &file, |p| parquet_out::write(p, t))?;
                return Ok(file);
            }
            #[cfg(not(feature = "parquet"))]
            return Err(std::io::Error::other(
                "parquet export is not built into this binary (build with --features parquet)",
            ));
        }
    };
    write_atomically(dir, &file, |path| {
        let f = std::fs::File::create(path)?;
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
        Ok(())
    })?;
    Ok(file)
}

/// Parquet with real types: integers as INT64, floats as DOUBLE, dates as DATE, times as UTC
/// timestamps (milliseconds), lists as LIST, text as UTF8.
#[cfg(feature = "parquet")]
mod parquet_out {
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, PrimitiveBuilder, StringBuilder};
    use arrow_array::types::{ArrowPrimitiveType, Float64Type, Int64Type};
    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
        TimestampMillisecondArray,
    };
    use arrow_schema::{DataType, Field, Schema, TimeUnit};
    use chrono::{DateTime, NaiveDate};
    use parquet::arrow::ArrowWriter;

    use super::{Cell, ColType, Table};

    /// A list column of numbers: each row's list, a missing element or a non-list row as null.
    fn primitive_list<T: ArrowPrimitiveType>(
        cells: &[&Cell],
        item: DataType,
        get: impl Fn(&Cell) -> Option<T::Native>,
    ) -> (DataType, ArrayRef) {
        let mut b = ListBuilder::new(PrimitiveBuilder::<T>::new());
        for v in cells {
            if let Cell::List(items) = v {
                for i in items {
                    b.values().append_option(get(i));
                }
                b.append(true);
            } else {
                b.append(false);
            }
        }
        (
            DataType::List(Arc::new(Field::new("item", item, true))),
            Arc::new(b.finish()),
        )
    }

    fn err(e: impl std::fmt::Display) -> std::io::Error {
        std::io::Error::other(e.to_string())
    }

    fn text(c: &Cell) -> Option<String> {
        match c {
            Cell::Plain(s) | Cell::Untrusted(s) => Some(s.clone()),
            Cell::Null => None,
            other => Some(other.csv_raw()),
        }
    }

    pub fn write(path: &std::path::Path, t: &Table) -> std::io::Result<()> {
        let mut fields = Vec::new();
        let mut arrays: Vec<ArrayRef> = Vec::new();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
        for (ci, c) in t.columns.iter().enumerate() {
            let cells: Vec<&Cell> = t.rows.iter().map(|r| &r[ci]).collect();
            let (ty, arr): (DataType, ArrayRef) = match c.ty {
                ColType::Integer => (
                    DataType::Int64,
                    Arc::new(Int64Array::from(
                        cells
                            .iter()
                            .map(|v| if let Cell::Int(i) = v { Some(*i) } else { None })
                            .collect::<Vec<_>>(),
                    )),
                ),
                ColType::Float => (
                    DataType::Float64,
                    Arc::new(Float64Array::from(
                        cells
                            .iter()
                            .map(|v| {
                                if let Cell::Float(f) = v {
                                    f.is_finite().then_some(*f)
                                } else {
                                    None
                                }
                            })
                            .collect::<Vec<_>>(),
                    )),
                ),
                ColType::Boolean => (
                    DataType::Boolean,
                    Arc::new(BooleanArray::from(
                        cells
                            .iter()
                            .map(|v| {
                                if let Cell::Bool(b) = v {
                                    Some(*b)
                                } else {
                                    None
                                }
                            })
                            .collect::<Vec<_>>(),
                    )),
                ),
                ColType::Date => (
                    DataType::Date32,
                    Arc::new(Date32Array::from(
                        cells
                            .iter()
                            .map(|v| {
                                text(v)
                                    .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
                                    .map(|d| (d - epoch).num_days() as i32)
                            })
                            .collect::<Vec<_>>(),
                    )),
                ),
                // milliseconds: Parquet has no seconds unit, and every reader agrees on millis
                ColType::DateTime => (
                    DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
                    Arc::new(
                        TimestampMillisecondArray::from(
                            cells
                                .iter()
                                .map(|v| {
                                    text(v)
                                        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
                                        .map(|t| t.timestamp_millis())
                                })
                                .collect::<Vec<_>>(),
                        )
                        .with_timezone("UTC"),
                    ),
                ),
                ColType::ListString => {
                    let mut b = ListBuilder::new(StringBuilder::new());
                    for v in &cells {
                        if let Cell::List(items) = v {
                            for i in items {
                                b.values().append_option(text(i));
                            }
                            b.append(true);
                        } else {
                            b.append(false);
                        }
                    }
                    (
                        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                        Arc::new(b.finish()),
                    )
                }
                ColType::ListInteger => primitive_list::<Int64Type>(&cells, DataType::Int64, |c| {
                    if let Cell::Int(x) = c { Some(*x) } else { None }
                }),
                ColType::ListFloat => {
                    primitive_list::<Float64Type>(&cells, DataType::Float64, |c| {
                        if let Cell::Float(x) = c {
                            Some(*x)
                        } else {
                            None
                        }
                    })
                }
                ColType::String => (
                    DataType::Utf8,
                    Arc::new(StringArray::from(
                        cells.iter().map(|v| text(v)).collect::<Vec<_>>(),
                    )),
                ),
            };
            fields.push(Field::new(c.name, ty, true));
            arrays.push(arr);
        }
        let schema = Arc::new(Schema::new(fields));
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(err)?;
        let file = std::fs::File::create(path)?;
        let mut w = ArrowWriter::try_new(file, schema, None).map_err(err)?;
        w.write(&batch).map_err(err)?;
        w.close().map_err(err)?;
        Ok(())
    }
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
