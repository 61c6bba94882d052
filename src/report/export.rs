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
            columns: self.dictionary(),
            rows: rows.iter().map(|r| self.row(r)).collect(),
        }
    }

    /// The columns' dictionary entries.
    pub fn dictionary(&self) -> Vec<Column> {
        self.columns
            .iter()
            .map(|c| Column {
                name: c.name,
                ty: c.ty,
                unit: c.unit,
                meaning: c.meaning,
            })
            .collect()
    }

    /// One row's cells.
    pub fn row(&self, r: &R) -> Vec<Cell> {
        self.columns.iter().map(|c| (c.get)(r)).collect()
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
    let tmp = partial(dir, file);
    let written = fill(&tmp).and_then(|()| std::fs::File::open(&tmp));
    put_in_place(&tmp, &dir.join(file), written)
}

/// Where `<dir>/<file>` is written before it is complete.
fn partial(dir: &Path, file: &str) -> std::path::PathBuf {
    dir.join(format!(".{file}.partial"))
}

/// The partial file `tmp`, written (its handle) or not: synced and renamed to `dest`, or removed
/// on any error.
fn put_in_place(
    tmp: &Path,
    dest: &Path,
    written: std::io::Result<std::fs::File>,
) -> std::io::Result<()> {
    let done = written
        .and_then(|f| f.sync_all())
        .and_then(|()| std::fs::rename(tmp, dest));
    if done.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    done
}

/// Rows per Parquet row group: DuckDB's own row-group size (its unit of parallel reading), and
/// well inside what polars reads per group; a million documents make nine groups.
pub const PARQUET_ROW_GROUP: usize = 122_880;

/// A table being written to `<dir>/<name>.csv`, `.jsonl` or `.parquet`, rows streamed in as
/// they come: into `.<file>.partial`, renamed over the file by [`TableWriter::finish`] (dropped
/// unfinished, the partial file is removed).
pub struct TableWriter {
    dir: std::path::PathBuf,
    file: String,
    tmp: std::path::PathBuf,
    rows: usize,
    sink: Option<Sink>,
}

enum Sink {
    Csv(Box<csv::Writer<std::io::BufWriter<std::fs::File>>>),
    Jsonl(std::io::BufWriter<std::fs::File>, Vec<&'static str>),
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet_out::Stream>),
}

impl TableWriter {
    pub fn create(
        dir: &Path,
        name: &str,
        columns: &[Column],
        format: Format,
    ) -> std::io::Result<Self> {
        Self::with_row_group(dir, name, columns, format, PARQUET_ROW_GROUP)
    }

    /// As [`TableWriter::create`], with Parquet row groups of `row_group` rows.
    pub fn with_row_group(
        dir: &Path,
        name: &str,
        columns: &[Column],
        format: Format,
        row_group: usize,
    ) -> std::io::Result<Self> {
        let ext = match format {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
        };
        let file = format!("{name}.{ext}");
        let tmp = partial(dir, &file);
        // a writer that could not start leaves no partial file behind
        let sink = open_sink(&tmp, columns, format, row_group).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
        Ok(TableWriter {
            dir: dir.to_path_buf(),
            file,
            tmp,
            rows: 0,
            sink: Some(sink),
        })
    }

    pub fn write_rows(&mut self, rows: &[Vec<Cell>]) -> std::io::Result<()> {
        match self.sink.as_mut().expect("written after finish") {
            Sink::Csv(w) => {
                for row in rows {
                    w.write_record(row.iter().map(Cell::csv))?;
                }
            }
            Sink::Jsonl(w, names) => {
                for row in rows {
                    let obj: serde_json::Map<String, Value> = names
                        .iter()
                        .zip(row)
                        .map(|(n, v)| (n.to_string(), v.json()))
                        .collect();
                    serde_json::to_writer(&mut *w, &Value::Object(obj))?;
                    writeln!(w)?;
                }
            }
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.write(rows)?,
        }
        self.rows += rows.len();
        Ok(())
    }

    /// Completes the file (synced, then renamed into place); returns its name and row count.
    pub fn finish(mut self) -> std::io::Result<(String, usize)> {
        let sink = self.sink.take().expect("finished once");
        // the last buffered rows are written here: a full disk fails here too, and then the
        // partial file goes
        put_in_place(&self.tmp, &self.dir.join(&self.file), close(sink))?;
        Ok((std::mem::take(&mut self.file), self.rows))
    }
}

/// Flushes a table's writer and hands back its file.
fn close(sink: Sink) -> std::io::Result<std::fs::File> {
    Ok(match sink {
        Sink::Csv(w) => w
            .into_inner()
            .map_err(|e| e.into_error())?
            .into_inner()
            .map_err(|e| e.into_error())?,
        Sink::Jsonl(w, _) => w.into_inner().map_err(|e| e.into_error())?,
        #[cfg(feature = "parquet")]
        Sink::Parquet(p) => p.close()?,
    })
}

/// The writer of a table's file at `tmp`, its header written.
fn open_sink(
    tmp: &Path,
    columns: &[Column],
    format: Format,
    row_group: usize,
) -> std::io::Result<Sink> {
    let open = || std::fs::File::create(tmp);
    Ok(match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::BufWriter::new(open()?));
            w.write_record(columns.iter().map(|c| c.name))?;
            Sink::Csv(Box::new(w))
        }
        Format::Jsonl => Sink::Jsonl(
            std::io::BufWriter::new(open()?),
            columns.iter().map(|c| c.name).collect(),
        ),
        Format::Parquet => {
            #[cfg(feature = "parquet")]
            {
                Sink::Parquet(Box::new(parquet_out::Stream::create(
                    open()?,
                    columns,
                    row_group,
                )?))
            }
            #[cfg(not(feature = "parquet"))]
            {
                let _ = row_group;
                return Err(std::io::Error::other(
                    "parquet export is not built into this binary (build with --features parquet)",
                ));
            }
        }
    })
}

impl Drop for TableWriter {
    fn drop(&mut self) {
        if self.sink.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Write a whole table as `<dir>/<name>.csv`, `.jsonl` or `.parquet` (atomically); returns the
/// file name.
pub fn write_table(dir: &Path, t: &Table, format: Format) -> std::io::Result<String> {
    let mut w = TableWriter::create(dir, t.name, &t.columns, format)?;
    w.write_rows(&t.rows)?;
    Ok(w.finish()?.0)
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
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;

    use super::{Cell, ColType, Column};

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

    /// A Parquet file written batch by batch, in row groups of a set size.
    pub struct Stream {
        w: ArrowWriter<std::fs::File>,
        schema: Arc<Schema>,
        columns: Vec<Column>,
    }

    impl Stream {
        pub fn create(
            file: std::fs::File,
            columns: &[Column],
            row_group: usize,
        ) -> std::io::Result<Self> {
            let schema = Arc::new(Schema::new(
                columns
                    .iter()
                    .map(|c| Field::new(c.name, data_type(c.ty), true))
                    .collect::<Vec<_>>(),
            ));
            let props = WriterProperties::builder()
                .set_max_row_group_row_count(Some(row_group.max(1)))
                .set_compression(Compression::SNAPPY)
                .build();
            let w = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(err)?;
            Ok(Stream {
                w,
                schema,
                columns: columns.to_vec(),
            })
        }

        pub fn write(&mut self, rows: &[Vec<Cell>]) -> std::io::Result<()> {
            let batch = RecordBatch::try_new(self.schema.clone(), arrays(&self.columns, rows))
                .map_err(err)?;
            self.w.write(&batch).map_err(err)
        }

        pub fn close(self) -> std::io::Result<std::fs::File> {
            self.w.into_inner().map_err(err)
        }
    }

    /// Each column type's Arrow type.
    fn data_type(ty: ColType) -> DataType {
        let list = |item| DataType::List(Arc::new(Field::new("item", item, true)));
        match ty {
            ColType::Integer => DataType::Int64,
            ColType::Float => DataType::Float64,
            ColType::Boolean => DataType::Boolean,
            ColType::Date => DataType::Date32,
            // milliseconds: Parquet has no seconds unit, and every reader agrees on millis
            ColType::DateTime => DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            ColType::ListString => list(DataType::Utf8),
            ColType::ListInteger => list(DataType::Int64),
            ColType::ListFloat => list(DataType::Float64),
            ColType::String => DataType::Utf8,
        }
    }

    /// The rows as one Arrow array per column.
    fn arrays(columns: &[Column], rows: &[Vec<Cell>]) -> Vec<ArrayRef> {
        let mut arrays: Vec<ArrayRef> = Vec::new();
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
        for (ci, c) in columns.iter().enumerate() {
            let cells: Vec<&Cell> = rows.iter().map(|r| &r[ci]).collect();
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
            debug_assert_eq!(ty, data_type(c.ty));
            arrays.push(arr);
        }
        arrays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Column> {
        vec![
            Column {
                name: "n",
                ty: ColType::Integer,
                unit: "",
                meaning: "",
            },
            Column {
                name: "t",
                ty: ColType::String,
                unit: "",
                meaning: "",
            },
        ]
    }

    fn rows(from: i64, to: i64) -> Vec<Vec<Cell>> {
        (from..to)
            .map(|i| vec![Cell::Int(i), Cell::Untrusted(format!("=r{i}"))])
            .collect()
    }

    #[test]
    fn a_table_streamed_in_batches_is_the_table_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        for format in [Format::Csv, Format::Jsonl] {
            let mut w = TableWriter::create(dir.path(), "streamed", &cols(), format).unwrap();
            for (a, b) in [(0, 3), (3, 6), (6, 7)] {
                w.write_rows(&rows(a, b)).unwrap();
            }
            let (file, n) = w.finish().unwrap();
            assert_eq!(n, 7);
            let whole = Table {
                name: "whole",
                description: "",
                columns: cols(),
                rows: rows(0, 7),
            };
            let whole_file = write_table(dir.path(), &whole, format).unwrap();
            assert_eq!(
                std::fs::read_to_string(dir.path().join(&file)).unwrap(),
                std::fs::read_to_string(dir.path().join(&whole_file)).unwrap()
            );
        }
        let csv = std::fs::read_to_string(dir.path().join("streamed.csv")).unwrap();
        assert_eq!(csv.lines().nth(7), Some("6,'=r6"));
    }

    #[test]
    fn an_unfinished_table_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = TableWriter::create(dir.path(), "t", &cols(), Format::Csv).unwrap();
        w.write_rows(&rows(0, 2)).unwrap();
        assert!(dir.path().join(".t.csv.partial").exists());
        drop(w);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(feature = "parquet")]
    #[test]
    fn parquet_row_groups_hold_the_set_number_of_rows_whatever_the_batches() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let dir = tempfile::tempdir().unwrap();
        let mut w =
            TableWriter::with_row_group(dir.path(), "p", &cols(), Format::Parquet, 4).unwrap();
        for (a, b) in [(0, 3), (3, 6), (6, 9), (9, 10)] {
            w.write_rows(&rows(a, b)).unwrap();
        }
        assert_eq!(w.finish().unwrap(), ("p.parquet".to_string(), 10));
        let f = std::fs::File::open(dir.path().join("p.parquet")).unwrap();
        let r = SerializedFileReader::new(f).unwrap();
        let groups: Vec<i64> = r
            .metadata()
            .row_groups()
            .iter()
            .map(|g| g.num_rows())
            .collect();
        assert_eq!(groups, vec![4, 4, 2]);
        assert_eq!(PARQUET_ROW_GROUP, 122_880);
    }

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
