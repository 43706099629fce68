//! Parquet export of events (feature `parquet`): the CSV columns with typed Arrow columns.

use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;

use crate::{export::CSV_COLUMNS, Pair, Result, Store, StoreError};

/// Columns stored as integers / floats; the rest are strings.
const INT_COLS: [&str; 4] = ["event_id", "event_index", "quad_class", "count"];
const FLOAT_COLS: [&str; 1] = ["goldstein"];

pub fn write(store: &Store, pair: Option<&Pair>, out: &mut dyn Write) -> Result<u64> {
    let mut cols: Vec<Vec<String>> = vec![Vec::new(); CSV_COLUMNS.len()];
    let n = store.for_each_event(pair, |e| {
        for (c, v) in cols.iter_mut().zip(crate::export::csv_row(e)) {
            c.push(v);
        }
        Ok(())
    })?;
    let mut fields = Vec::new();
    let mut arrays: Vec<ArrayRef> = Vec::new();
    for (name, values) in CSV_COLUMNS.iter().zip(cols) {
        if INT_COLS.contains(name) {
            fields.push(Field::new(*name, DataType::Int64, true));
            arrays.push(Arc::new(Int64Array::from_iter(
                values.iter().map(|v| v.parse::<i64>().ok()),
            )));
        } else if FLOAT_COLS.contains(name) {
            fields.push(Field::new(*name, DataType::Float64, true));
            arrays.push(Arc::new(Float64Array::from_iter(
                values.iter().map(|v| v.parse::<f64>().ok()),
            )));
        } else {
            fields.push(Field::new(*name, DataType::Utf8, true));
            arrays.push(Arc::new(StringArray::from_iter(
                values.iter().map(|v| (!v.is_empty()).then_some(v.as_str())),
            )));
        }
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|e| StoreError::Other(format!("parquet: {e}")))?;
    // ArrowWriter needs a Send writer; buffer, then copy out.
    let mut buf: Vec<u8> = Vec::new();
    let mut w = ArrowWriter::try_new(&mut buf, schema, None)
        .map_err(|e| StoreError::Other(format!("parquet: {e}")))?;
    w.write(&batch)
        .map_err(|e| StoreError::Other(format!("parquet: {e}")))?;
    w.close()
        .map_err(|e| StoreError::Other(format!("parquet: {e}")))?;
    out.write_all(&buf)?;
    Ok(n)
}
