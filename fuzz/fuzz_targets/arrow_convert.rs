//! Run-time formats to Arrow (overlay-arrow's `StructTable`): for an arbitrary format string
//! and bytes, building the table, converting it in one batch and in batches of any size
//! never panics, and every cell of every batch is what `Struct::unpack` reads from its
//! record (floats bit for bit, their bits those of the record's bytes); a wrong number of
//! column names and rows past the end are refused with their errors.
//!
//! Input: the format (bytes up to the first 0xff, as UTF-8 with invalid bytes replaced),
//! then 3 control bytes (the gap between records, rows per batch, whether names are given),
//! then the records. Formats of more than 16 KiB per record are skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::Struct;
use overlay_arrow::{batches, to_record_batch, Error, Options, Source, StructTable};

#[path = "../../arrow/tests/support/values.rs"]
#[allow(dead_code)]
mod values;

/// The largest record converted, and the most records.
const MAX_SIZE: usize = 1 << 14;
const MAX_ROWS: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let (format, rest) = match data.iter().position(|&b| b == 0xff) {
        Some(end) => (&data[..end], &data[end + 1..]),
        None => (data, &[][..]),
    };
    let Some((control, bytes)) = rest.split_first_chunk::<3>() else {
        return;
    };
    let format = String::from_utf8_lossy(format);
    let Ok(compiled) = Struct::new(&format) else {
        return;
    };
    if compiled.size() > MAX_SIZE {
        return;
    }
    let gap = usize::from(control[0] % 8);
    let batch_rows = usize::from(control[1] % 64) + 1;
    let stride = compiled.size() + gap;
    // Records of no bytes: as many as the control byte says.
    let count = match bytes.len().checked_sub(compiled.size()) {
        _ if stride == 0 => usize::from(control[2] >> 1),
        None => 0,
        Some(room) => room / stride + 1,
    }
    .min(MAX_ROWS);

    let values = compiled.value_count();
    let wrong = Some((0..=values).map(|i| format!("c{i}")).collect());
    match StructTable::new(&compiled, bytes, count, stride, wrong) {
        Err(Error::NameCount {
            values: v, names, ..
        }) => {
            assert_eq!((v, names), (values, values + 1))
        }
        other => panic!("{values} values and one name more: {other:?}"),
    }
    let names = (control[2] & 1 == 1).then(|| (0..values).map(|i| format!("c{i}")).collect());
    let table = StructTable::new(&compiled, bytes, count, stride, names)
        .expect("records that fit make a table");
    assert_eq!(table.len(), count);

    let options = Options::new();
    let batch = to_record_batch(&table, &options).expect("converts");
    assert_eq!(batch.num_rows(), count);
    assert_eq!(batch.schema(), table.schema(&options).expect("a schema"));
    values::assert_unpacked(&batch, &compiled, bytes, stride, 0);

    let mut first_row = 0;
    for part in batches(&table, &options.clone().batch_rows(batch_rows)) {
        let part = part.expect("converts");
        assert!(part.num_rows() <= batch_rows);
        values::assert_unpacked(&part, &compiled, bytes, stride, first_row);
        first_row += part.num_rows();
    }
    assert_eq!(first_row, count);

    let error = table.batch(count..count + 1, &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "rows {count}..{} are outside the table's {count} rows",
            count + 1
        )
    );
});
