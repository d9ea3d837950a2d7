//! Where the records lie in the input, from `--offset`, `--count` and `--stride`.

/// The records to print: `count` of them, the first at `first`, one every `stride` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub first: usize,
    pub stride: usize,
    pub count: usize,
}

/// What the user asked for; `size` is the record size, already checked to be non-zero and at
/// most `stride`.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub size: usize,
    pub offset: usize,
    pub count: Option<usize>,
    pub stride: Option<usize>,
}

/// Why the request does not fit the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// The offset is beyond the last byte.
    OffsetPastEnd,
    /// Without `--count` or `--stride`, the bytes after the offset end in part of a record.
    PartialRecord { available: usize },
    /// Fewer whole records than `--count` asks for, or none at all without `--count`.
    TooFewRecords {
        /// Bytes after the offset.
        available: usize,
        /// Whole records there.
        found: usize,
        /// Where the first missing record would start (saturated at `usize::MAX`).
        missing_at: usize,
    },
}

impl Request {
    /// Lays the records out over `len` bytes. A record is read only if all of its bytes are
    /// there: the last slot of a `--stride` table may be shorter than the stride, and with
    /// `--count` or `--stride`, bytes after the last whole record are ignored. There must be
    /// `--count` whole records, or without it at least one (`--count 0` asks for none).
    /// Where the bytes the request can use end: after the last of `--count` records (the
    /// input need not be read further), or `None` when every record is wanted (or the end
    /// does not fit in a `usize`).
    pub fn bytes_needed(&self) -> Option<usize> {
        let count = self.count?;
        let stride = self.stride.unwrap_or(self.size);
        match count.checked_sub(1) {
            None => Some(self.offset),
            Some(last) => last
                .checked_mul(stride)?
                .checked_add(self.size)?
                .checked_add(self.offset),
        }
    }

    pub fn layout(&self, len: usize) -> Result<Layout, Misfit> {
        let available = len.checked_sub(self.offset).ok_or(Misfit::OffsetPastEnd)?;
        if self.count.is_none() && self.stride.is_none() && available % self.size != 0 {
            return Err(Misfit::PartialRecord { available });
        }
        let stride = self.stride.unwrap_or(self.size);
        let whole = match available.checked_sub(self.size) {
            Some(after_first) => after_first / stride + 1,
            None => 0,
        };
        if whole < self.count.unwrap_or(1) {
            return Err(Misfit::TooFewRecords {
                available,
                found: whole,
                missing_at: self.offset.saturating_add(whole.saturating_mul(stride)),
            });
        }
        Ok(Layout {
            first: self.offset,
            stride,
            count: self.count.unwrap_or(whole),
        })
    }
}

impl Layout {
    /// The offset of each record, in order.
    pub fn offsets(self) -> impl Iterator<Item = usize> {
        (0..self.count).map(move |index| self.first + index * self.stride)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(size: usize) -> Request {
        Request {
            size,
            offset: 0,
            count: None,
            stride: None,
        }
    }

    fn offsets(request: Request, len: usize) -> Vec<usize> {
        request.layout(len).map(|l| l.offsets().collect()).unwrap()
    }

    #[test]
    fn whole_records_from_the_offset() {
        assert_eq!(offsets(request(4), 12), [0, 4, 8]);
        let skip = Request {
            offset: 2,
            ..request(4)
        };
        assert_eq!(offsets(skip, 10), [2, 6]);
    }

    #[test]
    fn no_record_at_all_is_an_error() {
        assert_eq!(
            request(4).layout(0),
            Err(Misfit::TooFewRecords {
                available: 0,
                found: 0,
                missing_at: 0
            })
        );
        let skip = Request {
            offset: 2,
            ..request(4)
        };
        assert_eq!(
            skip.layout(2),
            Err(Misfit::TooFewRecords {
                available: 0,
                found: 0,
                missing_at: 2
            })
        );
        let strided = Request {
            stride: Some(8),
            ..request(4)
        };
        assert_eq!(
            strided.layout(3),
            Err(Misfit::TooFewRecords {
                available: 3,
                found: 0,
                missing_at: 0
            })
        );
    }

    #[test]
    fn a_partial_record_is_an_error_unless_asked_to_ignore_it() {
        assert_eq!(
            request(4).layout(10),
            Err(Misfit::PartialRecord { available: 10 })
        );
        let counted = Request {
            count: Some(2),
            ..request(4)
        };
        assert_eq!(offsets(counted, 10), [0, 4]);
        let strided = Request {
            stride: Some(4),
            ..request(4)
        };
        assert_eq!(offsets(strided, 10), [0, 4]);
    }

    #[test]
    fn count_is_exact() {
        let two = Request {
            count: Some(2),
            ..request(4)
        };
        assert_eq!(offsets(two, 40), [0, 4]);
        let none = Request {
            count: Some(0),
            ..request(4)
        };
        assert_eq!(offsets(none, 40), [] as [usize; 0]);
        assert_eq!(offsets(none, 0), [] as [usize; 0]);
        let five = Request {
            count: Some(5),
            ..request(4)
        };
        assert_eq!(
            five.layout(10),
            Err(Misfit::TooFewRecords {
                available: 10,
                found: 2,
                missing_at: 8
            })
        );
        let slots = Request {
            count: Some(3),
            stride: Some(16),
            offset: 3,
            ..request(4)
        };
        assert_eq!(
            slots.layout(38),
            Err(Misfit::TooFewRecords {
                available: 35,
                found: 2,
                missing_at: 35
            })
        );
    }

    #[test]
    fn the_last_slot_of_a_stride_table_may_be_short() {
        let slots = Request {
            stride: Some(16),
            offset: 3,
            ..request(4)
        };
        // Slots at 3, 19, 35; the third has only its 4 record bytes.
        assert_eq!(offsets(slots, 39), [3, 19, 35]);
        assert_eq!(offsets(slots, 38), [3, 19]);
    }

    #[test]
    fn offset_past_the_end() {
        let far = Request {
            offset: 11,
            ..request(1)
        };
        assert_eq!(far.layout(10), Err(Misfit::OffsetPastEnd));
        let count_none = Request {
            offset: 10,
            count: Some(0),
            ..far
        };
        assert_eq!(offsets(count_none, 10), [] as [usize; 0]);
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let huge = Request {
            size: usize::MAX,
            offset: 0,
            count: Some(1),
            stride: Some(usize::MAX),
        };
        assert_eq!(offsets(huge, usize::MAX), [0]);
        assert_eq!(
            Request {
                count: Some(usize::MAX),
                ..huge
            }
            .layout(usize::MAX),
            Err(Misfit::TooFewRecords {
                available: usize::MAX,
                found: 1,
                missing_at: usize::MAX
            })
        );
        assert_eq!(
            huge.layout(10),
            Err(Misfit::TooFewRecords {
                available: 10,
                found: 0,
                missing_at: 0
            })
        );
    }
}
