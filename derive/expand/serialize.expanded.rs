/**A read-only view of a [`Reading`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct ReadingView<'a> {
    bytes: &'a [u8; <Reading as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`Reading`] record in place inside a mutable byte slice: the getters of [`ReadingView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct ReadingViewMut<'a> {
    bytes: &'a mut [u8; <Reading as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1
        + <[i16; 3] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_3: usize = __OVERLAY_OFFSET_2
        + <[u8; 8] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Little)),
        <i16 as ::overlay::__private::Raw>::__META
            .__part((3), ::core::option::Option::Some(::overlay::Endian::Little)),
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::Some("s"),
            count: 8,
            repeat: 1usize,
            string: true,
            class: ::overlay::__private::EndianClass::Any,
        },
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Little);
    #[automatically_derived]
    impl ::overlay::Overlay for Reading {
        const SIZE: usize = __OVERLAY_OFFSET_3;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "sensor",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "u16",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                ),
            <i16 as ::overlay::__private::Raw>::__META
                .__field(
                    "samples",
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2 - __OVERLAY_OFFSET_1,
                    "[i16; 3]",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::Some(::overlay::FieldKind::Array),
                    (3),
                    <i16 as ::overlay::Overlay>::FIELDS,
                )
                .__with_dims(&[(3) as usize]),
            ::overlay::FieldInfo::__new(
                "name",
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3 - __OVERLAY_OFFSET_2,
                "[u8; 8]",
                ::overlay::__private::EndianClass::Any,
                ::overlay::FieldKind::Bytes,
                (8),
                &[],
            ),
        ];
        type View<'a> = ReadingView<'a>;
        type ViewMut<'a> = ReadingViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for Reading {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Little,
            runtime_endian: false,
            checks_bytes: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes
                || <[i16; 3] as ::overlay::__private::Raw>::__META.checks_bytes
                || <[u8; 8] as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_value
                || <[i16; 3] as ::overlay::__private::Raw>::__META.checks_value
                || <[u8; 8] as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Reading", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = ReadingView<'a>;
        type __ViewMut<'a> = ReadingViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
                &self.sensor,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <[i16; 3] as ::overlay::__private::Raw>::__check_field_value(
                &self.samples,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <[u8; 8] as ::overlay::__private::Raw>::__check_field_value(
                &self.name,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
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
            let bytes: &[u8; __OVERLAY_OFFSET_3] = match <&[u8; __OVERLAY_OFFSET_3] as ::core::convert::TryFrom<
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
            if let ::core::result::Result::Err(e) = <[i16; 3] as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <[u8; 8] as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
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
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_3 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_3 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> ReadingView<'_> {
            let _ = endian;
            ReadingView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_3 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ReadingViewMut<'_> {
            let _ = endian;
            ReadingViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_3 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_3 }>(bytes);
            let _ = bytes;
            Self {
                sensor: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Little,
                ),
                samples: <[i16; 3] as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2,
                    ::overlay::Endian::Little,
                ),
                name: <[u8; 8] as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3,
                    ::overlay::Endian::Little,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_3 }>(bytes);
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.sensor,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
            <[i16; 3] as ::overlay::__private::Raw>::__pack_in(
                &self.samples,
                &mut *bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            );
            <[u8; 8] as ::overlay::__private::Raw>::__pack_in(
                &self.name,
                &mut *bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
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
    impl ::core::clone::Clone for ReadingView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for ReadingView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> ReadingView<'a> {
        #[inline]
        pub fn sensor(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn samples(&self) -> ::overlay::ArrayView<'a, i16, { 3 }> {
            <[i16; 3] as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn name(&self) -> &'a [u8; 8] {
            <[u8; 8] as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
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
        pub fn unpack(&self) -> Reading {
            <Reading as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Little,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for ReadingView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Reading")
                .field(
                    "sensor",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "samples",
                    &<[i16; 3] as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_1,
                        __OVERLAY_OFFSET_2,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "name",
                    &<[u8; 8] as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_2,
                        __OVERLAY_OFFSET_3,
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
    impl<'a> ReadingViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> ReadingView<'_> {
            ReadingView { bytes: self.bytes }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> ReadingView<'a> {
            ReadingView { bytes: self.bytes }
        }
        #[inline]
        pub fn sensor(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `sensor`.
        #[inline]
        pub fn set_sensor(&mut self, value: u16) {
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
        }
        #[inline]
        pub fn samples(&self) -> ::overlay::ArrayView<'_, i16, { 3 }> {
            <[i16; 3] as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `samples`.
        #[inline]
        pub fn set_samples(&mut self, value: [i16; 3]) {
            <[i16; 3] as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            );
        }
        ///Writable access to field `samples` in place.
        #[inline]
        pub fn samples_mut(&mut self) -> ::overlay::ArrayViewMut<'_, i16, { 3 }> {
            <[i16; 3] as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn name(&self) -> &'_ [u8; 8] {
            <[u8; 8] as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `name`.
        #[inline]
        pub fn set_name(&mut self, value: [u8; 8]) {
            <[u8; 8] as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            );
        }
        ///Writable access to field `name` in place.
        #[inline]
        pub fn name_mut(&mut self) -> &mut [u8; 8] {
            <[u8; 8] as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            )
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes[..]
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> Reading {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &Reading) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Little,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for ReadingViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for Reading {
        fn serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        ReadingView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok, S::Error
        > { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Reading",
        3usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "sensor", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "samples", & ::overlay::__private::ViewAs:: < [i16; 3] > (< [i16; 3] as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_1,
        __OVERLAY_OFFSET_2, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "name", & ::overlay::__private::ViewAs:: < [u8; 8] > (< [u8; 8] as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_2,
        __OVERLAY_OFFSET_3, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        ReadingView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { <
        Reading as ::overlay::__private::SerializeView > ::serialize_view(self,
        serializer) } } #[automatically_derived] impl
        ::overlay::__private::serde::Serialize for Reading { fn serialize < S :
        ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { let bytes = self.to_bytes(); let
        view = < Reading as ::overlay::__private::Raw > ::__view(& bytes,
        ::overlay::Endian::Little); < Reading as ::overlay::__private::SerializeView >
        ::serialize_view(& view, serializer) } } #[automatically_derived] impl
        ::overlay::__private::serde::Serialize for ReadingViewMut < '_ > { fn serialize <
        S : ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < Reading as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl Reading {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <Reading as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <Reading as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Little);
            out
        }
    }
};
