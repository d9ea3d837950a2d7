//! Parallel iterators over record tables, grids and variable-length streams (feature `rayon`).
//!
//! Every iterator here is a rayon `IndexedParallelIterator` built on a `Producer` that splits
//! with the tables' own O(1) splits (`Line::sub`, `RecordsMut::split`, `GridMut::split_rows`):
//! a table of any length and stride (reversed, stepped, a grid's column) is cut into two
//! tables of the requested lengths without looking at a record, and each piece is then walked
//! by the sequential iterator of its table. Nothing is allocated per record or per split; what
//! rayon itself allocates for a call (its job for the calling thread, a wake-up) does not
//! depend on the number of records.
//!
//! A variable-length stream has no O(1) split: [`VarStream::par_records`](crate::VarStream)
//! first walks it once to find where its records start (`stream.rs`).

use rayon::iter::plumbing::{bridge, Consumer, ProducerCallback, UnindexedConsumer};

/// Implements `ParallelIterator` and `IndexedParallelIterator` for `$iter`, a struct whose
/// field `producer` is its rayon producer (with an inherent `len`). The `where` clause is the
/// bound that makes the items `Send`.
macro_rules! indexed_by_producer {
    ($iter:ident => $item:ty $(, where $($bound:tt)*)?) => {
        impl<'a, T: $crate::Overlay> ::rayon::iter::ParallelIterator for $iter<'a, T>
        where
            $($($bound)*)?
        {
            type Item = $item;

            #[inline]
            fn drive_unindexed<C>(self, consumer: C) -> C::Result
            where
                C: $crate::par::UnindexedConsumer<Self::Item>,
            {
                $crate::par::bridge(self, consumer)
            }

            #[inline]
            fn opt_len(&self) -> ::core::option::Option<usize> {
                ::core::option::Option::Some(self.producer.len())
            }
        }

        impl<'a, T: $crate::Overlay> ::rayon::iter::IndexedParallelIterator for $iter<'a, T>
        where
            $($($bound)*)?
        {
            #[inline]
            fn len(&self) -> usize {
                self.producer.len()
            }

            #[inline]
            fn drive<C>(self, consumer: C) -> C::Result
            where
                C: $crate::par::Consumer<Self::Item>,
            {
                $crate::par::bridge(self, consumer)
            }

            #[inline]
            fn with_producer<CB>(self, callback: CB) -> CB::Output
            where
                CB: $crate::par::ProducerCallback<Self::Item>,
            {
                callback.callback(self.producer)
            }
        }
    };
}

mod grid;
mod records;
mod records_mut;
mod stream;

pub use self::grid::{GridParRows, GridParRowsMut};
pub use self::records::{RecordsParChunks, RecordsParIter};
pub use self::records_mut::{RecordsParChunksMut, RecordsParIterMut};
pub use self::stream::VarParStream;
