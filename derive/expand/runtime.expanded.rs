/**A read-only view of a [`PcapHeader`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct PcapHeaderView<'a> {
    bytes: &'a [u8; <PcapHeader as ::overlay::Overlay>::SIZE],
    endian: ::overlay::Endian,
}
///A writable view of a [`PcapHeader`] record in place inside a mutable byte slice: the getters of [`PcapHeaderView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct PcapHeaderViewMut<'a> {
    bytes: &'a mut [u8; <PcapHeader as ::overlay::Overlay>::SIZE],
    endian: ::overlay::Endian,
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <u32 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_3: usize = __OVERLAY_OFFSET_2
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_4: usize = __OVERLAY_OFFSET_3
        + <u32 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <u32 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::None),
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::None),
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::None),
        <u32 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::None),
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Little);
    #[automatically_derived]
    impl ::overlay::Overlay for PcapHeader {
        const SIZE: usize = __OVERLAY_OFFSET_4;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <u32 as ::overlay::__private::Raw>::__META
                .__field(
                    "magic",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "u32",
                    ::core::option::Option::None,
                    ::core::option::Option::None,
                    1usize,
                    <u32 as ::overlay::Overlay>::FIELDS,
                ),
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "major",
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2 - __OVERLAY_OFFSET_1,
                    "u16",
                    ::core::option::Option::None,
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                ),
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "minor",
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3 - __OVERLAY_OFFSET_2,
                    "u16",
                    ::core::option::Option::None,
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                ),
            <u32 as ::overlay::__private::Raw>::__META
                .__field(
                    "snaplen",
                    __OVERLAY_OFFSET_3,
                    __OVERLAY_OFFSET_4 - __OVERLAY_OFFSET_3,
                    "u32",
                    ::core::option::Option::None,
                    ::core::option::Option::None,
                    1usize,
                    <u32 as ::overlay::Overlay>::FIELDS,
                ),
        ];
        type View<'a> = PcapHeaderView<'a>;
        type ViewMut<'a> = PcapHeaderViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::RuntimeEndian for PcapHeader {}
    #[automatically_derived]
    impl ::overlay::__private::Raw for PcapHeader {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Little,
            runtime_endian: true,
            checks_bytes: false
                || <u32 as ::overlay::__private::Raw>::__META.checks_bytes
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes
                || <u32 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <u32 as ::overlay::__private::Raw>::__META.checks_value
                || <u16 as ::overlay::__private::Raw>::__META.checks_value
                || <u16 as ::overlay::__private::Raw>::__META.checks_value
                || <u32 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("PcapHeader", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = PcapHeaderView<'a>;
        type __ViewMut<'a> = PcapHeaderViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field_value(
                &self.magic,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
                &self.major,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
                &self.minor,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field_value(
                &self.snaplen,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_3),
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
            let bytes: &[u8; __OVERLAY_OFFSET_4] = match <&[u8; __OVERLAY_OFFSET_4] as ::core::convert::TryFrom<
                &[u8],
            >>::try_from(bytes) {
                ::core::result::Result::Ok(bytes) => bytes,
                ::core::result::Result::Err(_) => {
                    return ::core::result::Result::Err(
                        ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
            };
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                endian,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                endian,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                endian,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                endian,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_3),
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
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_4 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_4 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> PcapHeaderView<'_> {
            let _ = endian;
            PcapHeaderView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_4 }>(bytes),
                endian,
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> PcapHeaderViewMut<'_> {
            let _ = endian;
            PcapHeaderViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_4 }>(bytes),
                endian,
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_4 }>(bytes);
            let _ = bytes;
            Self {
                magic: <u32 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    endian,
                ),
                major: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2,
                    endian,
                ),
                minor: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3,
                    endian,
                ),
                snaplen: <u32 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_3,
                    __OVERLAY_OFFSET_4,
                    endian,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_4 }>(bytes);
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &self.magic,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                endian,
            );
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.major,
                &mut *bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                endian,
            );
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.minor,
                &mut *bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                endian,
            );
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &self.snaplen,
                &mut *bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                endian,
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
    impl ::core::clone::Clone for PcapHeaderView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for PcapHeaderView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> PcapHeaderView<'a> {
        #[inline]
        pub fn magic(&self) -> u32 {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                endian,
            )
        }
        #[inline]
        pub fn major(&self) -> u16 {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                endian,
            )
        }
        #[inline]
        pub fn minor(&self) -> u16 {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                endian,
            )
        }
        #[inline]
        pub fn snaplen(&self) -> u32 {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                endian,
            )
        }
        /// The record's bytes, borrowed from the buffer the view was made from.
        #[inline]
        pub fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> PcapHeader {
            let endian: ::overlay::Endian = self.endian;
            <PcapHeader as ::overlay::__private::Raw>::__unpack(self.bytes, endian)
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for PcapHeaderView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            let endian: ::overlay::Endian = self.endian;
            f.debug_struct("PcapHeader")
                .field(
                    "magic",
                    &<u32 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        endian,
                    ),
                )
                .field(
                    "major",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_1,
                        __OVERLAY_OFFSET_2,
                        endian,
                    ),
                )
                .field(
                    "minor",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_2,
                        __OVERLAY_OFFSET_3,
                        endian,
                    ),
                )
                .field(
                    "snaplen",
                    &<u32 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_3,
                        __OVERLAY_OFFSET_4,
                        endian,
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
    impl<'a> PcapHeaderViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> PcapHeaderView<'_> {
            PcapHeaderView {
                bytes: self.bytes,
                endian: self.endian,
            }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> PcapHeaderView<'a> {
            PcapHeaderView {
                bytes: self.bytes,
                endian: self.endian,
            }
        }
        #[inline]
        pub fn magic(&self) -> u32 {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                endian,
            )
        }
        ///Writes field `magic`.
        #[inline]
        pub fn set_magic(&mut self, value: u32) {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                endian,
            );
        }
        #[inline]
        pub fn major(&self) -> u16 {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                endian,
            )
        }
        ///Writes field `major`.
        #[inline]
        pub fn set_major(&mut self, value: u16) {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                endian,
            );
        }
        #[inline]
        pub fn minor(&self) -> u16 {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                endian,
            )
        }
        ///Writes field `minor`.
        #[inline]
        pub fn set_minor(&mut self, value: u16) {
            let endian: ::overlay::Endian = self.endian;
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                endian,
            );
        }
        #[inline]
        pub fn snaplen(&self) -> u32 {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                endian,
            )
        }
        ///Writes field `snaplen`.
        #[inline]
        pub fn set_snaplen(&mut self, value: u32) {
            let endian: ::overlay::Endian = self.endian;
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                endian,
            );
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes[..]
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> PcapHeader {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &PcapHeader) {
            let endian: ::overlay::Endian = self.endian;
            ::overlay::__private::Raw::__pack(value, &mut self.bytes[..], endian);
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for PcapHeaderViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for PcapHeader
        { fn serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        PcapHeaderView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok,
        S::Error > { let endian : ::overlay::Endian = view.endian; let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer,
        "PcapHeader", 4usize) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "magic", & ::overlay::__private::ViewAs:: < u32 > (< u32 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, endian)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "major", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_1,
        __OVERLAY_OFFSET_2, endian)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "minor", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_2,
        __OVERLAY_OFFSET_3, endian)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "snaplen", & ::overlay::__private::ViewAs:: < u32 > (< u32 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_3,
        __OVERLAY_OFFSET_4, endian)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        PcapHeaderView < '_ > { fn serialize < S :
        ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < PcapHeader as
        ::overlay::__private::SerializeView > ::serialize_view(self, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        PcapHeaderViewMut < '_ > { fn serialize < S :
        ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < PcapHeader as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl PcapHeader {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <PcapHeader as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <PcapHeader as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Little);
            out
        }
        /// The record's bytes in byte order `endian`, as an array on the stack.
        #[inline]
        pub fn to_bytes_with(
            &self,
            endian: ::overlay::Endian,
        ) -> [u8; <PcapHeader as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <PcapHeader as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, endian);
            out
        }
    }
};
