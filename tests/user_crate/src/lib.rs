//! A small decoder written as a user of `overlay` writes one: every function returns
//! `Result<_, overlay::Error>` and uses `?`, with no boxing and no `allow` attributes.
//! `.ci/run` lints this crate with `clippy -D warnings`, which includes
//! `clippy::result_large_err`.

use overlay::{Error, ErrorKind, Overlay, Records, VarOverlay, VarRecords};

/// What a sample measured.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Channel {
    Temperature = 1,
    Pressure = 2,
}

/// One sample of a sensor log.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Sample {
    pub channel: Channel,
    pub valid: bool,
    pub value: i32,
}

/// A log block: a header and its samples.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Block {
    pub sensor: u16,
    pub count: u16,
    #[overlay(count = "count")]
    pub samples: VarRecords<Sample>,
}

/// The samples of one block.
pub fn samples(bytes: &[u8]) -> Result<Records<'_, Sample>, Error> {
    let block = Block::view(bytes)?;
    Ok(block.samples())
}

/// The sum of the valid values of every block in a stream.
pub fn total(bytes: &[u8]) -> Result<i64, Error> {
    let mut sum = 0;
    for block in Block::stream(bytes) {
        for sample in block?.samples().iter() {
            if sample.valid() {
                sum += i64::from(sample.value());
            }
        }
    }
    Ok(sum)
}

/// Sets the value of sample `index` of a block in place; `false` if the block has no such
/// sample.
pub fn set_value(bytes: &mut [u8], index: usize, value: i32) -> Result<bool, Error> {
    let mut block = Block::view_mut(bytes)?;
    let mut samples = block.samples_mut();
    let Some(mut sample) = samples.get_mut(index) else {
        return Ok(false);
    };
    sample.set_value(value);
    Ok(true)
}

/// The offset of a decoding error, if it names one, from a closure returning `Result`.
pub fn first_bad_offset(blocks: &[&[u8]]) -> Option<usize> {
    let check = |bytes: &[u8]| -> Result<(), Error> {
        Block::view(bytes)?;
        Ok(())
    };
    blocks.iter().find_map(|bytes| check(bytes).err()?.offset())
}

/// Whether an error means "read more bytes and try again".
pub fn needs_more(error: &Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::TooShort { .. } | ErrorKind::VarLength { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCK: [u8; 16] = [
        0, 7, 0, 2, // sensor 7, two samples
        1, 1, 0, 0, 0, 20, // temperature, valid, 20
        2, 0, 0, 0, 0, 99, // pressure, not valid, 99
    ];

    #[test]
    fn reads_and_writes_through_results() -> Result<(), Error> {
        assert_eq!(samples(&BLOCK)?.len(), 2);
        assert_eq!(total(&BLOCK)?, 20);
        let mut bytes = BLOCK;
        assert!(set_value(&mut bytes, 0, -5)?);
        assert_eq!(total(&bytes)?, -5);
        Ok(())
    }

    #[test]
    fn errors_name_the_field_and_offset() {
        let mut bad = BLOCK;
        bad[10] = 3;
        let error = samples(&bad).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Block.samples[1].channel at offset 10: 3 is not a valid Channel"
        );
        assert_eq!(first_bad_offset(&[&BLOCK, &bad]), Some(10));
        assert!(needs_more(&total(&BLOCK[..6]).unwrap_err()));
        assert_eq!(set_value(&mut BLOCK.clone(), 2, 0), Ok(false));
        assert!(set_value(&mut bad.clone(), 0, 0).is_err());
    }

    #[test]
    fn error_is_four_words() {
        assert!(core::mem::size_of::<Error>() <= 32);
        assert!(core::mem::size_of::<Result<(), Error>>() <= 32);
    }
}
