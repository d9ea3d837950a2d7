///The fixed fields of [`Frame`], before its variable-length ones: what a [`FrameView`] reads through `Deref`.
pub struct FrameFixed {
    pub n_samples: u16,
    pub note_len: u8,
}
/**A read-only view of a [`FrameFixed`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct FrameFixedView<'a> {
    bytes: &'a [u8; <FrameFixed as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`FrameFixed`] record in place inside a mutable byte slice: the getters of [`FrameFixedView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct FrameFixedViewMut<'a> {
    bytes: &'a mut [u8; <FrameFixed as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1
        + <u8 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Little)),
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
    impl ::overlay::Overlay for FrameFixed {
        const SIZE: usize = __OVERLAY_OFFSET_2;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "n_samples",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "u16",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                ),
            <u8 as ::overlay::__private::Raw>::__META
                .__field(
                    "note_len",
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2 - __OVERLAY_OFFSET_1,
                    "u8",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::None,
                    1usize,
                    <u8 as ::overlay::Overlay>::FIELDS,
                ),
        ];
        type View<'a> = FrameFixedView<'a>;
        type ViewMut<'a> = FrameFixedViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for FrameFixed {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Little,
            runtime_endian: false,
            checks_bytes: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes
                || <u8 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_value
                || <u8 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Frame", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = FrameFixedView<'a>;
        type __ViewMut<'a> = FrameFixedViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
                &self.n_samples,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u8 as ::overlay::__private::Raw>::__check_field_value(
                &self.note_len,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
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
            let bytes: &[u8; __OVERLAY_OFFSET_2] = match <&[u8; __OVERLAY_OFFSET_2] as ::core::convert::TryFrom<
                &[u8],
            >>::try_from(bytes) {
                ::core::result::Result::Ok(bytes) => bytes,
                ::core::result::Result::Err(_) => {
                    return ::core::result::Result::Err(
                        ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
            };
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u8 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
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
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_2 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_2 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> FrameFixedView<'_> {
            let _ = endian;
            FrameFixedView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_2 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> FrameFixedViewMut<'_> {
            let _ = endian;
            FrameFixedViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_2 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_2 }>(bytes);
            let _ = bytes;
            Self {
                n_samples: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Little,
                ),
                note_len: <u8 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2,
                    ::overlay::Endian::Little,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_2 }>(bytes);
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.n_samples,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
            <u8 as ::overlay::__private::Raw>::__pack_in(
                &self.note_len,
                &mut *bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
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
    impl ::core::clone::Clone for FrameFixedView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for FrameFixedView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> FrameFixedView<'a> {
        #[inline]
        pub fn n_samples(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn note_len(&self) -> u8 {
            <u8 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
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
        pub fn unpack(&self) -> FrameFixed {
            <FrameFixed as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Little,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameFixedView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("FrameFixed")
                .field(
                    "n_samples",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "note_len",
                    &<u8 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_1,
                        __OVERLAY_OFFSET_2,
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
    impl<'a> FrameFixedViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> FrameFixedView<'_> {
            FrameFixedView {
                bytes: self.bytes,
            }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> FrameFixedView<'a> {
            FrameFixedView {
                bytes: self.bytes,
            }
        }
        #[inline]
        pub fn n_samples(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `n_samples`.
        #[inline]
        pub fn set_n_samples(&mut self, value: u16) {
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
        }
        #[inline]
        pub fn note_len(&self) -> u8 {
            <u8 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `note_len`.
        #[inline]
        pub fn set_note_len(&mut self, value: u8) {
            <u8 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
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
        pub fn unpack(&self) -> FrameFixed {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &FrameFixed) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Little,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameFixedViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for FrameFixed
        { fn serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        FrameFixedView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok,
        S::Error > { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Frame",
        2usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "n_samples", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "note_len", & ::overlay::__private::ViewAs:: < u8 > (< u8 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_1,
        __OVERLAY_OFFSET_2, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        FrameFixedView < '_ > { fn serialize < S :
        ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < FrameFixed as
        ::overlay::__private::SerializeView > ::serialize_view(self, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        FrameFixedViewMut < '_ > { fn serialize < S :
        ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < FrameFixed as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl FrameFixed {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <FrameFixed as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <FrameFixed as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Little);
            out
        }
    }
};
///A read-only view of a [`Frame`] record in place: the fixed fields through `Deref` to [`FrameFixedView`] (`n_samples()`, `note_len()`), and one getter per variable-length field (`samples()`, `note()`, `trailer()`). Made by [`VarOverlay::view_prefix`](::overlay::VarOverlay::view_prefix), [`VarOverlay::stream`](::overlay::VarOverlay::stream) and friends, which check every declared length once.
pub struct FrameView<'a> {
    fixed: FrameFixedView<'a>,
    bytes: &'a [u8],
    vars: [&'a [u8]; 3usize],
    counts: [usize; 3usize],
    endian: ::overlay::Endian,
}
///A writable view of a [`Frame`] record in place: the fixed fields' getters and setters through `Deref`/`DerefMut`, and `_mut` accessors for the variable-length fields. Their lengths are fixed when the view is made: setting a length field does not move them.
pub struct FrameViewMut<'a> {
    fixed: FrameFixedViewMut<'a>,
    vars: [&'a mut [u8]; 3usize],
    counts: [usize; 3usize],
    endian: ::overlay::Endian,
}
#[allow(non_upper_case_globals)]
const _: () = {
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        FrameView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { let mut
        state = ::overlay::__private::serde::Serializer::serialize_struct(serializer,
        "Frame", 5usize) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "n_samples", & ::overlay::__private::ViewAs:: < u16 > (self.fixed.n_samples()))
        ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut
        state, "note_len", & ::overlay::__private::ViewAs:: < u8 > (self.fixed
        .note_len())) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "samples", & self.samples()) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "note", & ::overlay::__private::AsBytes(self.note())) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "trailer", & ::overlay::__private::AsBytes(self.trailer())) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } }
    }
    #[allow(dead_code)]
    fn fields_describe_the_layout(record: &Frame) {
        let _ = (
            &record.n_samples,
            &record.note_len,
            &record.samples,
            &record.note,
            &record.trailer,
        );
    }
    #[automatically_derived]
    impl ::core::clone::Clone for FrameView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for FrameView<'_> {}
    #[automatically_derived]
    impl<'a> ::core::ops::Deref for FrameView<'a> {
        type Target = FrameFixedView<'a>;
        #[inline]
        fn deref(&self) -> &Self::Target {
            &self.fixed
        }
    }
    #[automatically_derived]
    #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
    impl<'a> FrameView<'a> {
        /// The fixed fields, as the fixed part's view.
        #[inline]
        pub fn fixed(&self) -> FrameFixedView<'a> {
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
        pub fn samples(&self) -> ::overlay::Records<'a, Sample> {
            ::overlay::Records::__trusted(
                self.vars[0usize],
                self.counts[0usize],
                <Sample as ::overlay::Overlay>::SIZE,
                self.endian,
            )
        }
        #[inline]
        pub fn note(&self) -> &'a [u8] {
            self.vars[1usize]
        }
        #[inline]
        pub fn trailer(&self) -> &'a [u8] {
            self.vars[2usize]
        }
        ///A hex dump of the record: a row per fixed field as [`hexdump`](::overlay::hexdump) shows them, then each variable-length field, with the chosen variant of a payload and its fields under it. Prints with `Display`; allocates nothing.
        #[inline]
        pub fn hexdump(&self) -> ::overlay::VarHexDump<'_> {
            ::overlay::VarHexDump::__new(self)
        }
    }
    #[automatically_derived]
    impl ::overlay::__private::DumpVar for FrameView<'_> {
        fn __dump_record(
            &self,
        ) -> (&'static ::overlay::TypeInfo, &[u8], ::overlay::Endian) {
            (const { &::overlay::TypeInfo::of::<FrameFixed>() }, self.bytes, self.endian)
        }
        fn __dump_parts(
            &self,
            visit: &mut dyn ::core::ops::FnMut(
                ::overlay::__private::Part<'_>,
            ) -> ::core::fmt::Result,
        ) -> ::core::fmt::Result {
            visit(::overlay::__private::Part {
                name: "samples",
                bytes: self.vars[0usize],
                kind: ::overlay::__private::PartKind::Records(const {
                    &::overlay::TypeInfo::of::<Sample>()
                }),
            })?;
            visit(::overlay::__private::Part {
                name: "note",
                bytes: self.vars[1usize],
                kind: ::overlay::__private::PartKind::Bytes,
            })?;
            visit(::overlay::__private::Part {
                name: "trailer",
                bytes: self.vars[2usize],
                kind: ::overlay::__private::PartKind::Bytes,
            })?;
            ::core::result::Result::Ok(())
        }
    }
    #[automatically_derived]
    impl<'a> ::core::ops::Deref for FrameViewMut<'a> {
        type Target = FrameFixedViewMut<'a>;
        #[inline]
        fn deref(&self) -> &Self::Target {
            &self.fixed
        }
    }
    #[automatically_derived]
    impl<'a> ::core::ops::DerefMut for FrameViewMut<'a> {
        #[inline]
        fn deref_mut(&mut self) -> &mut Self::Target {
            &mut self.fixed
        }
    }
    #[automatically_derived]
    #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
    impl<'a> FrameViewMut<'a> {
        /// The fixed fields, read-only.
        #[inline]
        pub fn fixed(&self) -> <FrameFixed as ::overlay::Overlay>::View<'_> {
            self.fixed.as_view()
        }
        /// The record's size in bytes.
        #[inline]
        pub fn size(&self) -> usize {
            <FrameFixed as ::overlay::Overlay>::SIZE + self.vars[0usize].len()
                + self.vars[1usize].len() + self.vars[2usize].len()
        }
        #[inline]
        pub fn samples(&self) -> ::overlay::Records<'_, Sample> {
            ::overlay::Records::__trusted(
                &*self.vars[0usize],
                self.counts[0usize],
                <Sample as ::overlay::Overlay>::SIZE,
                self.endian,
            )
        }
        ///Writable access to `samples` in place.
        #[inline]
        pub fn samples_mut(&mut self) -> ::overlay::RecordsMut<'_, Sample> {
            ::overlay::RecordsMut::__trusted(
                &mut *self.vars[0usize],
                self.counts[0usize],
                <Sample as ::overlay::Overlay>::SIZE,
                self.endian,
            )
        }
        #[inline]
        pub fn note(&self) -> &'_ [u8] {
            &*self.vars[1usize]
        }
        ///Writable access to `note` in place.
        #[inline]
        pub fn note_mut(&mut self) -> &mut [u8] {
            &mut *self.vars[1usize]
        }
        #[inline]
        pub fn trailer(&self) -> &'_ [u8] {
            &*self.vars[2usize]
        }
        ///Writable access to `trailer` in place.
        #[inline]
        pub fn trailer_mut(&mut self) -> &mut [u8] {
            &mut *self.vars[2usize]
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameViewMut<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Frame")
                .field("fixed", &self.fixed)
                .field("samples", &self.vars[0usize])
                .field("note", &self.vars[1usize])
                .field("trailer", &self.vars[2usize])
                .finish()
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameView<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Frame")
                .field("fixed", &self.fixed)
                .field("samples", &self.samples())
                .field("note", &self.note())
                .field("trailer", &self.trailer())
                .finish()
        }
    }
    #[automatically_derived]
    impl ::overlay::VarOverlay for Frame {
        const FIXED_SIZE: usize = <FrameFixed as ::overlay::Overlay>::SIZE;
        type View<'a> = FrameView<'a>;
        type ViewMut<'a> = FrameViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Variant for Frame {
        type View<'a> = FrameView<'a>;
        type ViewMut<'a> = FrameViewMut<'a>;
        #[inline]
        fn __variant(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(FrameView<'_>, usize), ::overlay::Error> {
            match <Self as ::overlay::__private::VarRaw>::__view_prefix(bytes, endian) {
                ::core::result::Result::Ok((view, _)) => {
                    ::core::result::Result::Ok((view, view.bytes.len()))
                }
                ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
            }
        }
        #[inline]
        fn __variant_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(FrameViewMut<'_>, &mut [u8]), ::overlay::Error> {
            <Self as ::overlay::__private::VarRaw>::__view_prefix_mut(bytes, endian)
        }
        fn __dump_inner<'v>(
            view: &'v FrameView<'_>,
        ) -> (::overlay::__private::Inner<'v>, usize) {
            (::overlay::__private::Inner::Var(view), view.bytes.len())
        }
    }
    #[automatically_derived]
    impl ::overlay::__private::VarRaw for Frame {
        const __DEFAULT_ENDIAN: ::overlay::Endian = <FrameFixed as ::overlay::__private::Raw>::__META
            .default_endian;
        const __INFO: ::overlay::TypeInfo = ::overlay::TypeInfo::of::<FrameFixed>();
        #[inline]
        fn __view_prefix_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(FrameViewMut<'_>, &mut [u8]), ::overlay::Error> {
            let (lens, counts, tail_endian, tags) = {
                let (view, _) = <Self as ::overlay::__private::VarRaw>::__view_prefix(
                    bytes,
                    endian,
                )?;
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
            let short = || ::overlay::Error::__too_short::<FrameFixed>(0, 0);
            let (fixed_bytes, rest) = bytes
                .split_at_mut_checked(<FrameFixed as ::overlay::Overlay>::SIZE)
                .ok_or_else(short)?;
            let fixed = <FrameFixed as ::overlay::__private::Raw>::__view_mut(
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
                FrameViewMut {
                    fixed,
                    vars: [part0, part1, part2],
                    counts,
                    endian: tail_endian,
                },
                rest,
            ))
        }
        #[inline]
        fn __view_prefix(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(FrameView<'_>, &[u8]), ::overlay::Error> {
            let (fixed, _) = ::overlay::__private::view_prefix::<
                FrameFixed,
            >(bytes, endian)?;
            let endian: ::overlay::Endian = ::overlay::Endian::Little;
            let mut at: usize = <FrameFixed as ::overlay::Overlay>::SIZE;
            let mut remaining: &[u8] = bytes.get(at..).unwrap_or(&[]);
            let mut vars: [&[u8]; 3usize] = [&[]; 3usize];
            let mut counts = [0usize; 3usize];
            {
                let available = remaining.len();
                let value: ::core::option::Option<i64> = <i64 as ::core::convert::TryFrom<
                    _,
                >>::try_from(fixed.n_samples())
                    .ok();
                let needed = match value {
                    ::core::option::Option::Some(n) if n < 0 => {
                        ::core::option::Option::Some(n)
                    }
                    ::core::option::Option::Some(n) => {
                        n.checked_mul(<Sample as ::overlay::Overlay>::SIZE as i64)
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                };
                let len = match needed {
                    ::core::option::Option::Some(n) if (n as u64) <= available as u64 => {
                        n as usize
                    }
                    other => {
                        let _ = other;
                        return ::core::result::Result::Err(
                            ::overlay::Error::__var_length(
                                const {
                                    &::overlay::__private::TailSites::__new(const {
                                        &::overlay::__private::VarField::__new(
                                            const { &::overlay::TypeInfo::of::<FrameFixed>() },
                                            "samples",
                                            "n_samples",
                                            ::core::option::Option::Some(const {
                                                &::overlay::TypeInfo::of::<Sample>()
                                            }),
                                            true,
                                        )
                                    })
                                },
                                at,
                                value,
                                available,
                            ),
                        );
                    }
                };
                let count = match value {
                    ::core::option::Option::Some(n) => n as usize,
                    _ => 0,
                };
                let (field, after) = remaining.split_at(len);
                remaining = after;
                if <Sample as ::overlay::__private::Raw>::__META.checks_bytes {
                    ::overlay::__private::check_records::<
                        Sample,
                    >(field, count, <Sample as ::overlay::Overlay>::SIZE, endian)
                        .map_err(|e| {
                            e
                                .__in_tail(
                                    const {
                                        &::overlay::__private::TailSites::__new(const {
                                            &::overlay::__private::VarField::__new(
                                                const { &::overlay::TypeInfo::of::<FrameFixed>() },
                                                "samples",
                                                "n_samples",
                                                ::core::option::Option::Some(const {
                                                    &::overlay::TypeInfo::of::<Sample>()
                                                }),
                                                true,
                                            )
                                        })
                                    },
                                    at,
                                )
                        })?;
                }
                at += len;
                vars[0usize] = field;
                counts[0usize] = count;
            }
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = <i64 as ::core::convert::TryFrom<
                    _,
                >>::try_from(fixed.note_len())
                    .ok();
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
                                            const { &::overlay::TypeInfo::of::<FrameFixed>() },
                                            "note",
                                            "note_len",
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
                vars[1usize] = field;
                counts[1usize] = len;
            }
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = <i64 as ::core::convert::TryFrom<
                    usize,
                >>::try_from(available)
                    .ok();
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
                                            const { &::overlay::TypeInfo::of::<FrameFixed>() },
                                            "trailer",
                                            "rest",
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
                FrameView {
                    fixed,
                    bytes,
                    vars,
                    counts,
                    endian,
                },
                remaining,
            ))
        }
    }
};
