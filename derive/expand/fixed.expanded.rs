/**A read-only view of a [`Header`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct HeaderView<'a> {
    bytes: &'a [u8; <Header as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`Header`] record in place inside a mutable byte slice: the getters of [`HeaderView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct HeaderViewMut<'a> {
    bytes: &'a mut [u8; <Header as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <[u8; 4] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_3: usize = __OVERLAY_OFFSET_2
        + <bool as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_4: usize = __OVERLAY_OFFSET_3
        + <[u8; 1] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_5: usize = __OVERLAY_OFFSET_4
        + <f32 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::Some("s"),
            count: 4,
            repeat: 1usize,
            string: true,
            class: ::overlay::__private::EndianClass::Any,
        },
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Big)),
        <bool as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Big)),
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::Some("x"),
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        <f32 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Big)),
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Big);
    #[automatically_derived]
    impl ::overlay::Overlay for Header {
        const SIZE: usize = __OVERLAY_OFFSET_5;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            ::overlay::FieldInfo::__new(
                "magic",
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                "[u8; 4]",
                ::overlay::__private::EndianClass::Any,
                ::overlay::FieldKind::Bytes,
                (4),
                &[],
            ),
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "version",
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2 - __OVERLAY_OFFSET_1,
                    "u16",
                    ::core::option::Option::Some(::overlay::Endian::Big),
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                ),
            <bool as ::overlay::__private::Raw>::__META
                .__field(
                    "urgent",
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3 - __OVERLAY_OFFSET_2,
                    "bool",
                    ::core::option::Option::Some(::overlay::Endian::Big),
                    ::core::option::Option::None,
                    1usize,
                    <bool as ::overlay::Overlay>::FIELDS,
                ),
            ::overlay::FieldInfo::__new(
                "reserved",
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4 - __OVERLAY_OFFSET_3,
                "[u8; 1]",
                ::overlay::__private::EndianClass::Any,
                ::overlay::FieldKind::Pad,
                (1),
                &[],
            ),
            <f32 as ::overlay::__private::Raw>::__META
                .__field(
                    "ratio",
                    __OVERLAY_OFFSET_4,
                    __OVERLAY_OFFSET_5 - __OVERLAY_OFFSET_4,
                    "f32",
                    ::core::option::Option::Some(::overlay::Endian::Big),
                    ::core::option::Option::None,
                    1usize,
                    <f32 as ::overlay::Overlay>::FIELDS,
                ),
        ];
        type View<'a> = HeaderView<'a>;
        type ViewMut<'a> = HeaderViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for Header {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Big,
            runtime_endian: false,
            checks_bytes: false
                || <[u8; 4] as ::overlay::__private::Raw>::__META.checks_bytes
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes
                || <bool as ::overlay::__private::Raw>::__META.checks_bytes
                || <f32 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <[u8; 4] as ::overlay::__private::Raw>::__META.checks_value
                || <u16 as ::overlay::__private::Raw>::__META.checks_value
                || <bool as ::overlay::__private::Raw>::__META.checks_value
                || <f32 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Header", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = HeaderView<'a>;
        type __ViewMut<'a> = HeaderViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <[u8; 4] as ::overlay::__private::Raw>::__check_field_value(
                &self.magic,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
                &self.version,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <bool as ::overlay::__private::Raw>::__check_field_value(
                &self.urgent,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <f32 as ::overlay::__private::Raw>::__check_field_value(
                &self.ratio,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_4),
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
            let bytes: &[u8; __OVERLAY_OFFSET_5] = match <&[u8; __OVERLAY_OFFSET_5] as ::core::convert::TryFrom<
                &[u8],
            >>::try_from(bytes) {
                ::core::result::Result::Ok(bytes) => bytes,
                ::core::result::Result::Err(_) => {
                    return ::core::result::Result::Err(
                        ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
            };
            if let ::core::result::Result::Err(e) = <[u8; 4] as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Big,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <bool as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Big,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <f32 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_4,
                __OVERLAY_OFFSET_5,
                ::overlay::Endian::Big,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_4),
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
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_5 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_5 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> HeaderView<'_> {
            let _ = endian;
            HeaderView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_5 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(bytes: &mut [u8], endian: ::overlay::Endian) -> HeaderViewMut<'_> {
            let _ = endian;
            HeaderViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_5 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_5 }>(bytes);
            let _ = bytes;
            Self {
                magic: <[u8; 4] as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Big,
                ),
                version: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2,
                    ::overlay::Endian::Big,
                ),
                urgent: <bool as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3,
                    ::overlay::Endian::Big,
                ),
                reserved: [0u8; 1],
                ratio: <f32 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_4,
                    __OVERLAY_OFFSET_5,
                    ::overlay::Endian::Big,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_5 }>(bytes);
            <[u8; 4] as ::overlay::__private::Raw>::__pack_in(
                &self.magic,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            );
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.version,
                &mut *bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Big,
            );
            <bool as ::overlay::__private::Raw>::__pack_in(
                &self.urgent,
                &mut *bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Big,
            );
            bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_4].fill(0u8);
            <f32 as ::overlay::__private::Raw>::__pack_in(
                &self.ratio,
                &mut *bytes,
                __OVERLAY_OFFSET_4,
                __OVERLAY_OFFSET_5,
                ::overlay::Endian::Big,
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
    impl ::core::clone::Clone for HeaderView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for HeaderView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> HeaderView<'a> {
        #[inline]
        pub fn magic(&self) -> &'a [u8; 4] {
            <[u8; 4] as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            )
        }
        #[inline]
        pub fn version(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Big,
            )
        }
        #[inline]
        pub fn urgent(&self) -> bool {
            <bool as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Big,
            )
        }
        #[inline]
        pub fn ratio(&self) -> f32 {
            <f32 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_4,
                __OVERLAY_OFFSET_5,
                ::overlay::Endian::Big,
            )
        }
        /// The record's bytes, borrowed from the buffer the view was made from.
        #[inline]
        pub fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> Header {
            <Header as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Big,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for HeaderView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Header")
                .field(
                    "magic",
                    &<[u8; 4] as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        ::overlay::Endian::Big,
                    ),
                )
                .field(
                    "version",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_1,
                        __OVERLAY_OFFSET_2,
                        ::overlay::Endian::Big,
                    ),
                )
                .field(
                    "urgent",
                    &<bool as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_2,
                        __OVERLAY_OFFSET_3,
                        ::overlay::Endian::Big,
                    ),
                )
                .field("reserved", &[0u8; 1])
                .field(
                    "ratio",
                    &<f32 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_4,
                        __OVERLAY_OFFSET_5,
                        ::overlay::Endian::Big,
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
    impl<'a> HeaderViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> HeaderView<'_> {
            HeaderView { bytes: self.bytes }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> HeaderView<'a> {
            HeaderView { bytes: self.bytes }
        }
        #[inline]
        pub fn magic(&self) -> &'_ [u8; 4] {
            <[u8; 4] as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `magic`.
        #[inline]
        pub fn set_magic(&mut self, value: [u8; 4]) {
            <[u8; 4] as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            );
        }
        ///Writable access to field `magic` in place.
        #[inline]
        pub fn magic_mut(&mut self) -> &mut [u8; 4] {
            <[u8; 4] as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            )
        }
        #[inline]
        pub fn version(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `version`.
        #[inline]
        pub fn set_version(&mut self, value: u16) {
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Big,
            );
        }
        #[inline]
        pub fn urgent(&self) -> bool {
            <bool as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `urgent`.
        #[inline]
        pub fn set_urgent(&mut self, value: bool) {
            <bool as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Big,
            );
        }
        #[inline]
        pub fn ratio(&self) -> f32 {
            <f32 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_4,
                __OVERLAY_OFFSET_5,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `ratio`.
        #[inline]
        pub fn set_ratio(&mut self, value: f32) {
            <f32 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_4,
                __OVERLAY_OFFSET_5,
                ::overlay::Endian::Big,
            );
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes[..]
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> Header {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &Header) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Big,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for HeaderViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for Header { fn
        serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        HeaderView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok, S::Error >
        { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Header",
        4usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "magic", & ::overlay::__private::ViewAs:: < [u8; 4] > (< [u8; 4] as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Big)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "version", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_1,
        __OVERLAY_OFFSET_2, ::overlay::Endian::Big)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "urgent", & ::overlay::__private::ViewAs:: < bool > (< bool as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_2,
        __OVERLAY_OFFSET_3, ::overlay::Endian::Big)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "ratio", & ::overlay::__private::ViewAs:: < f32 > (< f32 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_4,
        __OVERLAY_OFFSET_5, ::overlay::Endian::Big)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        HeaderView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { <
        Header as ::overlay::__private::SerializeView > ::serialize_view(self,
        serializer) } } #[automatically_derived] impl
        ::overlay::__private::serde::Serialize for HeaderViewMut < '_ > { fn serialize <
        S : ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < Header as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl Header {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <Header as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <Header as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Big);
            out
        }
    }
};
