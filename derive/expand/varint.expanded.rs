///The fixed fields of [`Cell`], before its variable-length ones: what a [`CellView`] reads through `Deref`.
struct CellFixed {
    kind: u8,
}
/**A read-only view of a [`CellFixed`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
struct CellFixedView<'a> {
    bytes: &'a [u8; <CellFixed as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`CellFixed`] record in place inside a mutable byte slice: the getters of [`CellFixedView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
struct CellFixedViewMut<'a> {
    bytes: &'a mut [u8; <CellFixed as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <u8 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <u8 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Little)),
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Little);
    #[automatically_derived]
    impl ::overlay::Overlay for CellFixed {
        const SIZE: usize = __OVERLAY_OFFSET_1;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <u8 as ::overlay::__private::Raw>::__META
                .__field(
                    "kind",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "u8",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::None,
                    1usize,
                    <u8 as ::overlay::Overlay>::FIELDS,
                ),
        ];
        type View<'a> = CellFixedView<'a>;
        type ViewMut<'a> = CellFixedViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for CellFixed {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Little,
            runtime_endian: false,
            checks_bytes: false
                || <u8 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <u8 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Cell", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = CellFixedView<'a>;
        type __ViewMut<'a> = CellFixedViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <u8 as ::overlay::__private::Raw>::__check_field_value(
                &self.kind,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __check_bytes(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let _ = endian;
            let bytes: &[u8; __OVERLAY_OFFSET_1] = match <&[u8; __OVERLAY_OFFSET_1] as ::core::convert::TryFrom<
                &[u8],
            >>::try_from(bytes) {
                ::core::result::Result::Ok(bytes) => bytes,
                ::core::result::Result::Err(_) => {
                    return ::core::result::Result::Err(
                        ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
            };
            if let ::core::result::Result::Err(e) = <u8 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            let _ = bytes;
            ::core::result::Result::Ok(())
        }
        #[inline(always)]
        fn __record(
            bytes: &[u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&[u8]> {
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_1 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_1 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> CellFixedView<'_> {
            let _ = endian;
            CellFixedView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_1 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> CellFixedViewMut<'_> {
            let _ = endian;
            CellFixedViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_1 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_1 }>(bytes);
            let _ = bytes;
            Self {
                kind: <u8 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Little,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_1 }>(bytes);
            <u8 as ::overlay::__private::Raw>::__pack_in(
                &self.kind,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
            let _ = bytes;
        }
        type __ArrayView<'a, const N: usize> = ::overlay::ArrayView<'a, Self, N>;
        type __ArrayViewMut<'a, const N: usize> = ::overlay::ArrayViewMut<'a, Self, N>;
        #[inline]
        fn __view_array<const N: usize>(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::overlay::ArrayView<'_, Self, N> {
            ::overlay::ArrayView::__new(bytes, endian)
        }
        #[inline]
        fn __view_array_mut<const N: usize>(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ::overlay::ArrayViewMut<'_, Self, N> {
            ::overlay::ArrayViewMut::__new(bytes, endian)
        }
    }
    #[automatically_derived]
    impl ::core::clone::Clone for CellFixedView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for CellFixedView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> CellFixedView<'a> {
        #[inline]
        fn kind(&self) -> u8 {
            <u8 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        /// The record's bytes, borrowed from the buffer the view was made from.
        #[inline]
        pub fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> CellFixed {
            <CellFixed as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Little,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for CellFixedView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("CellFixed")
                .field(
                    "kind",
                    &<u8 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        ::overlay::Endian::Little,
                    ),
                )
                .finish()
        }
    }
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> CellFixedViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> CellFixedView<'_> {
            CellFixedView { bytes: self.bytes }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> CellFixedView<'a> {
            CellFixedView { bytes: self.bytes }
        }
        #[inline]
        fn kind(&self) -> u8 {
            <u8 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `kind`.
        #[inline]
        fn set_kind(&mut self, value: u8) {
            <u8 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes[..]
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> CellFixed {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &CellFixed) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Little,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for CellFixedViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for CellFixed {
        fn serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        CellFixedView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok,
        S::Error > { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Cell",
        1usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "kind", & ::overlay::__private::ViewAs:: < u8 > (< u8 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        CellFixedView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer
        > (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { <
        CellFixed as ::overlay::__private::SerializeView > ::serialize_view(self,
        serializer) } } #[automatically_derived] impl
        ::overlay::__private::serde::Serialize for CellFixedViewMut < '_ > { fn serialize
        < S : ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < CellFixed as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl CellFixed {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <CellFixed as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <CellFixed as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Little);
            out
        }
    }
};
///The values that the lengths of a [`Cell`] record use and its bytes do not hold, given when a view is made (`Cell::view_in`).
#[derive(
    ::core::clone::Clone,
    ::core::marker::Copy,
    ::core::fmt::Debug,
    ::core::default::Default,
    ::core::cmp::PartialEq,
    ::core::cmp::Eq,
    ::core::hash::Hash,
)]
struct CellParams {
    ///`usable`, as the lengths name it.
    pub usable: i64,
}
///A read-only view of a [`Cell`] record in place: the fixed fields through `Deref` to [`CellFixedView`] (`kind()`), and one getter per variable-length field (`payload_size()`, `delta()`, `local()`). Made by [`Cell::view_in`] and friends, given the record's parameters, which check every declared length once.
struct CellView<'a> {
    fixed: CellFixedView<'a>,
    bytes: &'a [u8],
    vars: [&'a [u8]; 3usize],
    counts: [usize; 3usize],
    endian: ::overlay::Endian,
    varint_0: <SqliteVarint as ::overlay::__private::Varint>::Value,
    varint_1: <Sleb128 as ::overlay::__private::Varint>::Value,
}
///A writable view of a [`Cell`] record in place: the fixed fields' getters and setters through `Deref`/`DerefMut`, and `_mut` accessors for the variable-length fields. Their lengths are fixed when the view is made: setting a length field does not move them.
struct CellViewMut<'a> {
    fixed: CellFixedViewMut<'a>,
    vars: [&'a mut [u8]; 3usize],
    counts: [usize; 3usize],
    endian: ::overlay::Endian,
}
#[allow(non_upper_case_globals)]
const _: () = {
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for CellView
        < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer > (& self,
        serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Cell",
        4usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "kind", & ::overlay::__private::ViewAs:: < u8 > (self.fixed.kind()))
        ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut
        state, "payload_size", & self.payload_size()) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "delta", & self.delta()) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "local", & ::overlay::__private::AsBytes(self.local())) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } }
    }
    #[allow(dead_code)]
    fn fields_describe_the_layout(record: &Cell) {
        let _ = (&record.kind, &record.payload_size, &record.delta, &record.local);
    }
    #[automatically_derived]
    impl ::core::clone::Clone for CellView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for CellView<'_> {}
    #[automatically_derived]
    impl<'a> ::core::ops::Deref for CellView<'a> {
        type Target = CellFixedView<'a>;
        #[inline]
        fn deref(&self) -> &Self::Target {
            &self.fixed
        }
    }
    #[automatically_derived]
    #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
    impl<'a> CellView<'a> {
        /// The fixed fields, as the fixed part's view.
        #[inline]
        pub fn fixed(&self) -> CellFixedView<'a> {
            self.fixed
        }
        /// The record's size in bytes: the fixed part and every variable-length field.
        #[inline]
        pub fn size(&self) -> usize {
            self.bytes.len()
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
        #[inline]
        fn payload_size(&self) -> <SqliteVarint as ::overlay::__private::Varint>::Value {
            self.varint_0
        }
        #[inline]
        fn delta(&self) -> <Sleb128 as ::overlay::__private::Varint>::Value {
            self.varint_1
        }
        #[inline]
        fn local(&self) -> &'a [u8] {
            self.vars[2usize]
        }
        ///A hex dump of the record: a row per fixed field as [`hexdump`](::overlay::hexdump) shows them, then each variable-length field, with the chosen variant of a payload and its fields under it. Prints with `Display`; allocates nothing.
        #[inline]
        pub fn hexdump(&self) -> ::overlay::VarHexDump<'_> {
            ::overlay::VarHexDump::__new(self)
        }
    }
    #[automatically_derived]
    impl ::overlay::__private::DumpVar for CellView<'_> {
        fn __dump_record(
            &self,
        ) -> (&'static ::overlay::TypeInfo, &[u8], ::overlay::Endian) {
            (const { &::overlay::TypeInfo::of::<CellFixed>() }, self.bytes, self.endian)
        }
        fn __dump_parts(
            &self,
            visit: &mut dyn ::core::ops::FnMut(
                ::overlay::__private::Part<'_>,
            ) -> ::core::fmt::Result,
        ) -> ::core::fmt::Result {
            visit(::overlay::__private::Part {
                name: "payload_size",
                bytes: self.vars[0usize],
                kind: ::overlay::__private::PartKind::Varint(
                    "SqliteVarint",
                    ::core::convert::Into::into(self.varint_0),
                ),
            })?;
            visit(::overlay::__private::Part {
                name: "delta",
                bytes: self.vars[1usize],
                kind: ::overlay::__private::PartKind::Varint(
                    "Sleb128",
                    ::core::convert::Into::into(self.varint_1),
                ),
            })?;
            visit(::overlay::__private::Part {
                name: "local",
                bytes: self.vars[2usize],
                kind: ::overlay::__private::PartKind::Bytes,
            })?;
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl<'a> ::core::ops::Deref for CellViewMut<'a> {
        type Target = CellFixedViewMut<'a>;
        #[inline]
        fn deref(&self) -> &Self::Target {
            &self.fixed
        }
    }
    #[automatically_derived]
    impl<'a> ::core::ops::DerefMut for CellViewMut<'a> {
        #[inline]
        fn deref_mut(&mut self) -> &mut Self::Target {
            &mut self.fixed
        }
    }
    #[automatically_derived]
    #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
    impl<'a> CellViewMut<'a> {
        /// The fixed fields, read-only.
        #[inline]
        pub fn fixed(&self) -> <CellFixed as ::overlay::Overlay>::View<'_> {
            self.fixed.as_view()
        }
        /// The record's size in bytes.
        #[inline]
        pub fn size(&self) -> usize {
            <CellFixed as ::overlay::Overlay>::SIZE + self.vars[0usize].len()
                + self.vars[1usize].len() + self.vars[2usize].len()
        }
        #[inline]
        fn payload_size(&self) -> <SqliteVarint as ::overlay::__private::Varint>::Value {
            match <SqliteVarint as ::overlay::__private::Varint>::__read(
                &self.vars[0usize],
            ) {
                ::core::result::Result::Ok((value, _, _)) => value,
                ::core::result::Result::Err(_) => ::core::default::Default::default(),
            }
        }
        ///Writes `payload_size` in place, in the bytes it has now (padded if the value needs fewer): a value that needs more is refused, since writing it would move the fields after it.
        #[inline]
        fn set_payload_size(
            &mut self,
            value: <SqliteVarint as ::overlay::__private::Varint>::Value,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let width = self.vars[0usize].len();
            match <SqliteVarint as ::overlay::__private::Varint>::__write(
                value,
                &mut self.vars[0usize],
            ) {
                ::core::result::Result::Ok(()) => ::core::result::Result::Ok(()),
                ::core::result::Result::Err(needed) => {
                    ::core::result::Result::Err(
                        ::overlay::Error::__varint_width(
                            const {
                                &::overlay::__private::TailSites::__new(const {
                                    &::overlay::__private::VarField::__new(
                                        const { &::overlay::TypeInfo::of::<CellFixed>() },
                                        "payload_size",
                                        <SqliteVarint as ::overlay::__private::Varint>::NAME,
                                        ::core::option::Option::None,
                                        false,
                                    )
                                })
                            },
                            ::core::convert::Into::into(value),
                            needed,
                            width,
                        ),
                    )
                }
            }
        }
        #[inline]
        fn delta(&self) -> <Sleb128 as ::overlay::__private::Varint>::Value {
            match <Sleb128 as ::overlay::__private::Varint>::__read(&self.vars[1usize]) {
                ::core::result::Result::Ok((value, _, _)) => value,
                ::core::result::Result::Err(_) => ::core::default::Default::default(),
            }
        }
        ///Writes `delta` in place, in the bytes it has now (padded if the value needs fewer): a value that needs more is refused, since writing it would move the fields after it.
        #[inline]
        fn set_delta(
            &mut self,
            value: <Sleb128 as ::overlay::__private::Varint>::Value,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let width = self.vars[1usize].len();
            match <Sleb128 as ::overlay::__private::Varint>::__write(
                value,
                &mut self.vars[1usize],
            ) {
                ::core::result::Result::Ok(()) => ::core::result::Result::Ok(()),
                ::core::result::Result::Err(needed) => {
                    ::core::result::Result::Err(
                        ::overlay::Error::__varint_width(
                            const {
                                &::overlay::__private::TailSites::__new(const {
                                    &::overlay::__private::VarField::__new(
                                        const { &::overlay::TypeInfo::of::<CellFixed>() },
                                        "delta",
                                        <Sleb128 as ::overlay::__private::Varint>::NAME,
                                        ::core::option::Option::None,
                                        false,
                                    )
                                })
                            },
                            ::core::convert::Into::into(value),
                            needed,
                            width,
                        ),
                    )
                }
            }
        }
        #[inline]
        fn local(&self) -> &'_ [u8] {
            &*self.vars[2usize]
        }
        ///Writable access to `local` in place.
        #[inline]
        fn local_mut(&mut self) -> &mut [u8] {
            &mut *self.vars[2usize]
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for CellViewMut<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Cell")
                .field("fixed", &self.fixed)
                .field("payload_size", &self.payload_size())
                .field("delta", &self.delta())
                .field("local", &self.vars[2usize])
                .finish()
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for CellView<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Cell")
                .field("fixed", &self.fixed)
                .field("payload_size", &self.payload_size())
                .field("delta", &self.delta())
                .field("local", &self.local())
                .finish()
        }
    }
    #[automatically_derived]
    impl Cell {
        #[inline]
        fn __view_prefix_in(
            bytes: &[u8],
            endian: ::overlay::Endian,
            params: CellParams,
        ) -> ::core::result::Result<(CellView<'_>, &[u8]), ::overlay::Error> {
            let (fixed, _) = ::overlay::__private::view_prefix::<
                CellFixed,
            >(bytes, endian)?;
            let endian: ::overlay::Endian = ::overlay::Endian::Little;
            let mut at: usize = <CellFixed as ::overlay::Overlay>::SIZE;
            let mut remaining: &[u8] = bytes.get(at..).unwrap_or(&[]);
            let mut vars: [&[u8]; 3usize] = [&[]; 3usize];
            let mut counts = [0usize; 3usize];
            let varint_0;
            let varint_1;
            {
                let available = remaining.len();
                let (value, field, after) = match <SqliteVarint as ::overlay::__private::Varint>::__read(
                    remaining,
                ) {
                    ::core::result::Result::Ok(found) => found,
                    ::core::result::Result::Err(problem) => {
                        return ::core::result::Result::Err(
                            ::overlay::Error::__bad_varint(
                                const {
                                    &::overlay::__private::TailSites::__new(const {
                                        &::overlay::__private::VarField::__new(
                                            const { &::overlay::TypeInfo::of::<CellFixed>() },
                                            "payload_size",
                                            <SqliteVarint as ::overlay::__private::Varint>::NAME,
                                            ::core::option::Option::None,
                                            false,
                                        )
                                    })
                                },
                                at,
                                problem,
                                available,
                            ),
                        );
                    }
                };
                varint_0 = value;
                let len = field.len();
                remaining = after;
                at += len;
                vars[0usize] = field;
                counts[0usize] = len;
            }
            {
                let available = remaining.len();
                let (value, field, after) = match <Sleb128 as ::overlay::__private::Varint>::__read(
                    remaining,
                ) {
                    ::core::result::Result::Ok(found) => found,
                    ::core::result::Result::Err(problem) => {
                        return ::core::result::Result::Err(
                            ::overlay::Error::__bad_varint(
                                const {
                                    &::overlay::__private::TailSites::__new(const {
                                        &::overlay::__private::VarField::__new(
                                            const { &::overlay::TypeInfo::of::<CellFixed>() },
                                            "delta",
                                            <Sleb128 as ::overlay::__private::Varint>::NAME,
                                            ::core::option::Option::None,
                                            false,
                                        )
                                    })
                                },
                                at,
                                problem,
                                available,
                            ),
                        );
                    }
                };
                varint_1 = value;
                let len = field.len();
                remaining = after;
                at += len;
                vars[1usize] = field;
                counts[1usize] = len;
            }
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = match (
                    <i64 as ::core::convert::TryFrom<_>>::try_from(varint_0).ok(),
                    match (
                        <i64 as ::core::convert::TryFrom<_>>::try_from(params.usable)
                            .ok(),
                        ::core::option::Option::Some(35i64),
                    ) {
                        (
                            ::core::option::Option::Some(a),
                            ::core::option::Option::Some(b),
                        ) => a.checked_sub(b),
                        _ => ::core::option::Option::None,
                    },
                ) {
                    (
                        ::core::option::Option::Some(a),
                        ::core::option::Option::Some(b),
                    ) => ::core::option::Option::Some(::core::cmp::Ord::min(a, b)),
                    _ => ::core::option::Option::None,
                };
                let len = match needed {
                    ::core::option::Option::Some(n) if (n as u64) <= available as u64 => {
                        n as usize
                    }
                    other => {
                        return ::core::result::Result::Err(
                            ::overlay::Error::__var_length(
                                const {
                                    &::overlay::__private::TailSites::__new(const {
                                        &::overlay::__private::VarField::__new(
                                            const { &::overlay::TypeInfo::of::<CellFixed>() },
                                            "local",
                                            "min(payload_size, usable - 35)",
                                            ::core::option::Option::None,
                                            false,
                                        )
                                    })
                                },
                                at,
                                other,
                                available,
                            ),
                        );
                    }
                };
                let (field, after) = remaining.split_at(len);
                remaining = after;
                at += len;
                vars[2usize] = field;
                counts[2usize] = len;
            }
            let bytes = match bytes.get(..at) {
                ::core::option::Option::Some(bytes) => bytes,
                ::core::option::Option::None => bytes,
            };
            ::core::result::Result::Ok((
                CellView {
                    fixed,
                    bytes,
                    vars,
                    counts,
                    endian,
                    varint_0,
                    varint_1,
                },
                remaining,
            ))
        }
        #[inline]
        fn __view_prefix_mut_in(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
            params: CellParams,
        ) -> ::core::result::Result<(CellViewMut<'_>, &mut [u8]), ::overlay::Error> {
            let (lens, counts, tail_endian, tags) = {
                let (view, _) = Self::__view_prefix_in(bytes, endian, params)?;
                let tags: [i128; 0usize] = [];
                (
                    [
                        view.vars[0usize].len(),
                        view.vars[1usize].len(),
                        view.vars[2usize].len(),
                    ],
                    view.counts,
                    view.endian,
                    tags,
                )
            };
            let short = || ::overlay::Error::__too_short::<CellFixed>(0, 0);
            let (fixed_bytes, rest) = bytes
                .split_at_mut_checked(<CellFixed as ::overlay::Overlay>::SIZE)
                .ok_or_else(short)?;
            let fixed = <CellFixed as ::overlay::__private::Raw>::__view_mut(
                fixed_bytes,
                endian,
            );
            let (part0, rest) = rest
                .split_at_mut_checked(lens[0usize])
                .ok_or_else(short)?;
            let (part1, rest) = rest
                .split_at_mut_checked(lens[1usize])
                .ok_or_else(short)?;
            let (part2, rest) = rest
                .split_at_mut_checked(lens[2usize])
                .ok_or_else(short)?;
            let _ = (&lens, &tags);
            ::core::result::Result::Ok((
                CellViewMut {
                    fixed,
                    vars: [part0, part1, part2],
                    counts,
                    endian: tail_endian,
                },
                rest,
            ))
        }
        /// A view of the record that is all of `bytes`, its lengths computed with `params`.
        #[inline]
        pub fn view_in(
            bytes: &[u8],
            params: CellParams,
        ) -> ::core::result::Result<CellView<'_>, ::overlay::Error> {
            ::overlay::__private::view_var::<
                CellFixed,
                _,
            >(
                bytes,
                |bytes| {
                    Self::__view_prefix_in(
                        bytes,
                        <CellFixed as ::overlay::__private::Raw>::__META.default_endian,
                        params,
                    )
                },
            )
        }
        /// A view of the record at the start of `bytes`, and the bytes after it.
        #[inline]
        pub fn view_prefix_in(
            bytes: &[u8],
            params: CellParams,
        ) -> ::core::result::Result<(CellView<'_>, &[u8]), ::overlay::Error> {
            ::overlay::__private::view_var_prefix::<
                CellFixed,
                _,
            >(
                bytes,
                |bytes| {
                    Self::__view_prefix_in(
                        bytes,
                        <CellFixed as ::overlay::__private::Raw>::__META.default_endian,
                        params,
                    )
                },
            )
        }
        /// A writable view of the record that is all of `bytes`.
        #[inline]
        pub fn view_mut_in(
            bytes: &mut [u8],
            params: CellParams,
        ) -> ::core::result::Result<CellViewMut<'_>, ::overlay::Error> {
            ::overlay::__private::view_var_mut::<
                CellFixed,
                _,
            >(
                bytes,
                |bytes| {
                    Self::__view_prefix_mut_in(
                        bytes,
                        <CellFixed as ::overlay::__private::Raw>::__META.default_endian,
                        params,
                    )
                },
            )
        }
        /// A writable view of the record at the start of `bytes`, and the bytes after it.
        #[inline]
        pub fn view_prefix_mut_in(
            bytes: &mut [u8],
            params: CellParams,
        ) -> ::core::result::Result<(CellViewMut<'_>, &mut [u8]), ::overlay::Error> {
            ::overlay::__private::view_var_prefix_mut::<
                CellFixed,
                _,
            >(
                bytes,
                |bytes| {
                    Self::__view_prefix_mut_in(
                        bytes,
                        <CellFixed as ::overlay::__private::Raw>::__META.default_endian,
                        params,
                    )
                },
            )
        }
    }
};
