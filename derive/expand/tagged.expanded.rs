///The chosen variant of a [`Payload`] payload, as the read-only view of its record.
enum PayloadView<'a> {
    ///Selected by tag 0x0806.
    Arp(<Arp as ::overlay::__private::Variant>::View<'a>),
    ///Selected by tag 17, 18.
    Udp(<Udp as ::overlay::__private::Variant>::View<'a>),
    ///The payload's bytes, for a tag that no other variant of [`Payload`] names.
    Unknown(&'a [u8]),
}
///The chosen variant of a [`Payload`] payload, as the writable view of its record.
enum PayloadViewMut<'a> {
    ///Selected by tag 0x0806.
    Arp(<Arp as ::overlay::__private::Variant>::ViewMut<'a>),
    ///Selected by tag 17, 18.
    Udp(<Udp as ::overlay::__private::Variant>::ViewMut<'a>),
    ///The payload's bytes, for a tag that no other variant of [`Payload`] names.
    Unknown(&'a mut [u8]),
}
#[allow(non_upper_case_globals)]
const _: () = {
    #[allow(dead_code, clippy::too_many_arguments)]
    fn variants_describe_the_payload(
        value_0: Arp,
        value_1: Udp,
        other: VarBytes,
    ) -> [Payload; 3usize] {
        [Payload::Arp(value_0), Payload::Udp(value_1), Payload::Unknown(other)]
    }
    #[allow(dead_code)]
    fn variants_hold_their_records(payload: &Payload) {
        match payload {
            Payload::Arp(value) => {
                let _ = value;
            }
            Payload::Udp(value) => {
                let _ = value;
            }
            Payload::Unknown(value) => {
                let _ = value;
            }
        }
    }
    const OVERLAY_PAYLOAD_TAGS: &[i128] = &[
        (0x0806) as i128,
        (17) as i128,
        (18) as i128,
    ];
    const _: () = {
        let mut i = 0;
        while i < OVERLAY_PAYLOAD_TAGS.len() {
            let mut j = i + 1;
            while j < OVERLAY_PAYLOAD_TAGS.len() {
                if OVERLAY_PAYLOAD_TAGS[i] == OVERLAY_PAYLOAD_TAGS[j] {
                    ::core::panic!(
                        ::core::concat!("two variants of ", "Payload",
                        " have the same tag: give each tag to one variant")
                    );
                }
                j += 1;
            }
            i += 1;
        }
    };
    #[automatically_derived]
    impl ::core::clone::Clone for PayloadView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for PayloadView<'_> {}
    #[automatically_derived]
    impl ::core::fmt::Debug for PayloadView<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            match self {
                PayloadView::Arp(view) => f.debug_tuple("Arp").field(view).finish(),
                PayloadView::Udp(view) => f.debug_tuple("Udp").field(view).finish(),
                PayloadView::Unknown(bytes) => {
                    f.debug_tuple("Unknown").field(bytes).finish()
                }
            }
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for PayloadViewMut<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            match self {
                PayloadViewMut::Arp(view) => f.debug_tuple("Arp").field(view).finish(),
                PayloadViewMut::Udp(view) => f.debug_tuple("Udp").field(view).finish(),
                PayloadViewMut::Unknown(bytes) => {
                    f.debug_tuple("Unknown").field(bytes).finish()
                }
            }
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        PayloadView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { match
        self { PayloadView::Arp(view) =>
        ::overlay::__private::serde::Serializer::serialize_newtype_variant(serializer,
        "Payload", 0u32, "Arp", view,), PayloadView::Udp(view) =>
        ::overlay::__private::serde::Serializer::serialize_newtype_variant(serializer,
        "Payload", 1u32, "Udp", view,), PayloadView::Unknown(bytes) =>
        ::overlay::__private::serde::Serializer::serialize_newtype_variant(serializer,
        "Payload", 2u32, "Unknown", & ::overlay::__private::AsBytes(bytes),), } } }
    }
    #[automatically_derived]
    impl ::overlay::Tagged for Payload {
        type View<'a> = PayloadView<'a>;
        type ViewMut<'a> = PayloadViewMut<'a>;
        const VARIANTS: &'static [::overlay::TagVariant] = &[
            ::overlay::TagVariant::__new("Arp", "Arp", &[(0x0806) as i128], false),
            ::overlay::TagVariant::__new(
                "Udp",
                "Udp",
                &[(17) as i128, (18) as i128],
                false,
            ),
            ::overlay::TagVariant::__new("Unknown", "VarBytes", &[], true),
        ];
    }
    #[automatically_derived]
    impl ::overlay::__private::TaggedRaw for Payload {
        fn __dump<'v>(
            view: &'v PayloadView<'_>,
        ) -> (&'static str, ::overlay::__private::Inner<'v>, usize) {
            match view {
                PayloadView::Arp(view) => {
                    let (inner, used) = <Arp as ::overlay::__private::Variant>::__dump_inner(
                        view,
                    );
                    ("Arp", inner, used)
                }
                PayloadView::Udp(view) => {
                    let (inner, used) = <Udp as ::overlay::__private::Variant>::__dump_inner(
                        view,
                    );
                    ("Udp", inner, used)
                }
                PayloadView::Unknown(bytes) => {
                    ("Unknown", ::overlay::__private::Inner::Bytes, bytes.len())
                }
            }
        }
        #[inline]
        fn __view_tagged(
            tag: i128,
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<
            ::core::option::Option<(PayloadView<'_>, usize)>,
            ::overlay::Error,
        > {
            if tag == (0x0806) as i128 {
                return match <Arp as ::overlay::__private::Variant>::__variant(
                    bytes,
                    endian,
                ) {
                    ::core::result::Result::Ok((view, more)) => {
                        ::core::result::Result::Ok(
                            ::core::option::Option::Some((PayloadView::Arp(view), more)),
                        )
                    }
                    ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                };
            }
            if tag == (17) as i128 || tag == (18) as i128 {
                return match <Udp as ::overlay::__private::Variant>::__variant(
                    bytes,
                    endian,
                ) {
                    ::core::result::Result::Ok((view, more)) => {
                        ::core::result::Result::Ok(
                            ::core::option::Option::Some((PayloadView::Udp(view), more)),
                        )
                    }
                    ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                };
            }
            let _ = endian;
            ::core::result::Result::Ok(
                ::core::option::Option::Some((PayloadView::Unknown(bytes), bytes.len())),
            )
        }
        #[inline]
        fn __view_tagged_mut(
            tag: i128,
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<
            ::core::option::Option<(PayloadViewMut<'_>, &mut [u8])>,
            ::overlay::Error,
        > {
            if tag == (0x0806) as i128 {
                return match <Arp as ::overlay::__private::Variant>::__variant_mut(
                    bytes,
                    endian,
                ) {
                    ::core::result::Result::Ok((view, more)) => {
                        ::core::result::Result::Ok(
                            ::core::option::Option::Some((
                                PayloadViewMut::Arp(view),
                                more,
                            )),
                        )
                    }
                    ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                };
            }
            if tag == (17) as i128 || tag == (18) as i128 {
                return match <Udp as ::overlay::__private::Variant>::__variant_mut(
                    bytes,
                    endian,
                ) {
                    ::core::result::Result::Ok((view, more)) => {
                        ::core::result::Result::Ok(
                            ::core::option::Option::Some((
                                PayloadViewMut::Udp(view),
                                more,
                            )),
                        )
                    }
                    ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                };
            }
            let _ = endian;
            ::core::result::Result::Ok(
                ::core::option::Option::Some((
                    PayloadViewMut::Unknown(bytes),
                    &mut [][..],
                )),
            )
        }
    }
};
///The fixed fields of [`Frame`], before its variable-length ones: what a [`FrameView`] reads through `Deref`.
struct FrameFixed {
    kind: u16,
}
/**A read-only view of a [`FrameFixed`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
struct FrameFixedView<'a> {
    bytes: &'a [u8; <FrameFixed as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`FrameFixed`] record in place inside a mutable byte slice: the getters of [`FrameFixedView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
struct FrameFixedViewMut<'a> {
    bytes: &'a mut [u8; <FrameFixed as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <u16 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <u16 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Big)),
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Big);
    #[automatically_derived]
    impl ::overlay::Overlay for FrameFixed {
        const SIZE: usize = __OVERLAY_OFFSET_1;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <u16 as ::overlay::__private::Raw>::__META
                .__field(
                    "kind",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "u16",
                    ::core::option::Option::Some(::overlay::Endian::Big),
                    ::core::option::Option::None,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
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
            default_endian: ::overlay::Endian::Big,
            runtime_endian: false,
            checks_bytes: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <u16 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Frame", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = FrameFixedView<'a>;
        type __ViewMut<'a> = FrameFixedViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field_value(
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
            if let ::core::result::Result::Err(e) = <u16 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
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
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> FrameFixedView<'_> {
            let _ = endian;
            FrameFixedView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_1 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> FrameFixedViewMut<'_> {
            let _ = endian;
            FrameFixedViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_1 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_1 }>(bytes);
            let _ = bytes;
            Self {
                kind: <u16 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Big,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_1 }>(bytes);
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &self.kind,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
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
        fn kind(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
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
        pub fn unpack(&self) -> FrameFixed {
            <FrameFixed as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Big,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameFixedView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("FrameFixed")
                .field(
                    "kind",
                    &<u16 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
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
        fn kind(&self) -> u16 {
            <u16 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `kind`.
        #[inline]
        fn set_kind(&mut self, value: u16) {
            <u16 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
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
        pub fn unpack(&self) -> FrameFixed {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &FrameFixed) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Big,
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
        1usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "kind", & ::overlay::__private::ViewAs:: < u16 > (< u16 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Big)),) ?;
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
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Big);
            out
        }
    }
};
///A read-only view of a [`Frame`] record in place: the fixed fields through `Deref` to [`FrameFixedView`] (`kind()`), and one getter per variable-length field (`payload()`). Made by [`VarOverlay::view_prefix`](::overlay::VarOverlay::view_prefix), [`VarOverlay::stream`](::overlay::VarOverlay::stream) and friends, which check every declared length once.
struct FrameView<'a> {
    fixed: FrameFixedView<'a>,
    bytes: &'a [u8],
    vars: [&'a [u8]; 1usize],
    counts: [usize; 1usize],
    endian: ::overlay::Endian,
    tagged_0: <Payload as ::overlay::Tagged>::View<'a>,
}
///A writable view of a [`Frame`] record in place: the fixed fields' getters and setters through `Deref`/`DerefMut`, and `_mut` accessors for the variable-length fields. Their lengths are fixed when the view is made: setting a length field does not move them.
struct FrameViewMut<'a> {
    fixed: FrameFixedViewMut<'a>,
    vars: [&'a mut [u8]; 1usize],
    counts: [usize; 1usize],
    endian: ::overlay::Endian,
    tagged_0: <Payload as ::overlay::Tagged>::ViewMut<'a>,
}
#[allow(non_upper_case_globals)]
const _: () = {
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        FrameView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { let mut
        state = ::overlay::__private::serde::Serializer::serialize_struct(serializer,
        "Frame", 2usize) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "kind", & ::overlay::__private::ViewAs:: < u16 > (self.fixed.kind())) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "payload", & self.payload()) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } }
    }
    #[allow(dead_code)]
    fn fields_describe_the_layout(record: &Frame) {
        let _ = (&record.kind, &record.payload);
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
        fn payload(&self) -> <Payload as ::overlay::Tagged>::View<'a> {
            self.tagged_0
        }
        ///All of `payload`'s bytes: the chosen variant's, then any the field's extent holds after it.
        #[inline]
        fn payload_bytes(&self) -> &'a [u8] {
            self.vars[0usize]
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
                name: "payload",
                bytes: self.vars[0usize],
                kind: {
                    let (variant, inner, used) = <Payload as ::overlay::__private::TaggedRaw>::__dump(
                        &self.tagged_0,
                    );
                    ::overlay::__private::PartKind::Payload {
                        payload: "Payload",
                        variant,
                        inner,
                        used,
                    }
                },
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
            <FrameFixed as ::overlay::Overlay>::SIZE + self.counts[0usize]
        }
        #[inline]
        fn payload(&self) -> &<Payload as ::overlay::Tagged>::ViewMut<'a> {
            &self.tagged_0
        }
        ///Writable access to `payload`'s chosen variant in place.
        #[inline]
        fn payload_mut(&mut self) -> &mut <Payload as ::overlay::Tagged>::ViewMut<'a> {
            &mut self.tagged_0
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameViewMut<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Frame")
                .field("fixed", &self.fixed)
                .field("payload", &self.tagged_0)
                .finish()
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for FrameView<'_> {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Frame")
                .field("fixed", &self.fixed)
                .field("payload", &self.payload())
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
                let tags: [i128; 1usize] = [
                    ::overlay::__private::Tag::__tag(view.fixed.kind()),
                ];
                ([view.vars[0usize].len()], view.counts, view.endian, tags)
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
            let _ = (&lens, &tags);
            let (tagged_0, part0) = match <Payload as ::overlay::__private::TaggedRaw>::__view_tagged_mut(
                tags[0usize],
                part0,
                tail_endian,
            )? {
                ::core::option::Option::Some(found) => found,
                ::core::option::Option::None => {
                    return ::core::result::Result::Err(short());
                }
            };
            ::core::result::Result::Ok((
                FrameViewMut {
                    fixed,
                    vars: [part0],
                    counts,
                    endian: tail_endian,
                    tagged_0,
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
            let endian: ::overlay::Endian = ::overlay::Endian::Big;
            let mut at: usize = <FrameFixed as ::overlay::Overlay>::SIZE;
            let mut remaining: &[u8] = bytes.get(at..).unwrap_or(&[]);
            let mut vars: [&[u8]; 1usize] = [&[]; 1usize];
            let mut counts = [0usize; 1usize];
            let tagged_0;
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = <i64 as ::core::convert::TryFrom<
                    usize,
                >>::try_from(available)
                    .ok();
                let extent = match needed {
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
                                                "payload",
                                                "rest",
                                                ::core::option::Option::None,
                                                false,
                                            )
                                            .__tagged("kind", "Payload")
                                    })
                                },
                                at,
                                other,
                                available,
                            ),
                        );
                    }
                };
                let (field, _) = match remaining.split_at_checked(extent) {
                    ::core::option::Option::Some(parts) => parts,
                    ::core::option::Option::None => (remaining, &[][..]),
                };
                let tag: i128 = ::overlay::__private::Tag::__tag(fixed.kind());
                let len = match <Payload as ::overlay::__private::TaggedRaw>::__view_tagged(
                    tag,
                    field,
                    endian,
                ) {
                    ::core::result::Result::Ok(
                        ::core::option::Option::Some((view, used)),
                    ) => {
                        tagged_0 = view;
                        extent
                    }
                    ::core::result::Result::Ok(::core::option::Option::None) => {
                        return ::core::result::Result::Err(
                            ::overlay::Error::__unknown_tag(
                                const {
                                    &::overlay::__private::TailSites::__new(const {
                                        &::overlay::__private::VarField::__new(
                                                const { &::overlay::TypeInfo::of::<FrameFixed>() },
                                                "payload",
                                                "rest",
                                                ::core::option::Option::None,
                                                false,
                                            )
                                            .__tagged("kind", "Payload")
                                    })
                                },
                                at,
                                tag,
                            ),
                        );
                    }
                    ::core::result::Result::Err(e) => {
                        return ::core::result::Result::Err(e.__in_payload(at));
                    }
                };
                let (field, after) = match remaining.split_at_checked(len) {
                    ::core::option::Option::Some(parts) => parts,
                    ::core::option::Option::None => (remaining, &[][..]),
                };
                remaining = after;
                at += len;
                vars[0usize] = field;
                counts[0usize] = len;
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
                    tagged_0,
                },
                remaining,
            ))
        }
    }
};
