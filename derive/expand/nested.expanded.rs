/**A read-only view of a [`Scene`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct SceneView<'a> {
    bytes: &'a [u8; <Scene as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`Scene`] record in place inside a mutable byte slice: the getters of [`SceneView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct SceneViewMut<'a> {
    bytes: &'a mut [u8; <Scene as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0
        + <Point as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1
        + <[Point; 4] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_3: usize = __OVERLAY_OFFSET_2
        + <[[i16; 3]; 2] as ::overlay::Overlay>::SIZE;
    const __OVERLAY_OFFSET_4: usize = __OVERLAY_OFFSET_3
        + <u32 as ::overlay::Overlay>::SIZE;
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        <Point as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Little)),
        <Point as ::overlay::__private::Raw>::__META
            .__part((4), ::core::option::Option::Some(::overlay::Endian::Little)),
        <i16 as ::overlay::__private::Raw>::__META
            .__part((2) * (3), ::core::option::Option::Some(::overlay::Endian::Little)),
        <u32 as ::overlay::__private::Raw>::__META
            .__part(1usize, ::core::option::Option::Some(::overlay::Endian::Big)),
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Little);
    #[automatically_derived]
    impl ::overlay::Overlay for Scene {
        const SIZE: usize = __OVERLAY_OFFSET_4;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            <Point as ::overlay::__private::Raw>::__META
                .__field(
                    "origin",
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1 - __OVERLAY_OFFSET_0,
                    "Point",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::None,
                    1usize,
                    <Point as ::overlay::Overlay>::FIELDS,
                ),
            <Point as ::overlay::__private::Raw>::__META
                .__field(
                    "corners",
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2 - __OVERLAY_OFFSET_1,
                    "[Point; 4]",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::Some(::overlay::FieldKind::Array),
                    (4),
                    <Point as ::overlay::Overlay>::FIELDS,
                )
                .__with_dims(&[(4) as usize]),
            <i16 as ::overlay::__private::Raw>::__META
                .__field(
                    "grid",
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3 - __OVERLAY_OFFSET_2,
                    "[[i16; 3]; 2]",
                    ::core::option::Option::Some(::overlay::Endian::Little),
                    ::core::option::Option::Some(::overlay::FieldKind::Array),
                    (2) * (3),
                    <i16 as ::overlay::Overlay>::FIELDS,
                )
                .__with_dims(&[(2) as usize, (3) as usize]),
            <u32 as ::overlay::__private::Raw>::__META
                .__field(
                    "id",
                    __OVERLAY_OFFSET_3,
                    __OVERLAY_OFFSET_4 - __OVERLAY_OFFSET_3,
                    "u32",
                    ::core::option::Option::Some(::overlay::Endian::Big),
                    ::core::option::Option::None,
                    1usize,
                    <u32 as ::overlay::Overlay>::FIELDS,
                ),
        ];
        type View<'a> = SceneView<'a>;
        type ViewMut<'a> = SceneViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for Scene {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Little,
            runtime_endian: false,
            checks_bytes: false
                || <Point as ::overlay::__private::Raw>::__META.checks_bytes
                || <[Point; 4] as ::overlay::__private::Raw>::__META.checks_bytes
                || <[[i16; 3]; 2] as ::overlay::__private::Raw>::__META.checks_bytes
                || <u32 as ::overlay::__private::Raw>::__META.checks_bytes,
            checks_value: false
                || <Point as ::overlay::__private::Raw>::__META.checks_value
                || <[Point; 4] as ::overlay::__private::Raw>::__META.checks_value
                || <[[i16; 3]; 2] as ::overlay::__private::Raw>::__META.checks_value
                || <u32 as ::overlay::__private::Raw>::__META.checks_value,
            ..::overlay::__private::Meta::new("Scene", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = SceneView<'a>;
        type __ViewMut<'a> = SceneViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            if let ::core::result::Result::Err(e) = <Point as ::overlay::__private::Raw>::__check_field_value(
                &self.origin,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <[Point; 4] as ::overlay::__private::Raw>::__check_field_value(
                &self.corners,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <[[i16; 3]; 2] as ::overlay::__private::Raw>::__check_field_value(
                &self.grid,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field_value(
                &self.id,
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
            if let ::core::result::Result::Err(e) = <Point as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_0),
                );
            }
            if let ::core::result::Result::Err(e) = <[Point; 4] as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_1),
                );
            }
            if let ::core::result::Result::Err(e) = <[[i16; 3]; 2] as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            ) {
                return ::core::result::Result::Err(
                    e.__in_field::<Self>(__OVERLAY_OFFSET_2),
                );
            }
            if let ::core::result::Result::Err(e) = <u32 as ::overlay::__private::Raw>::__check_field(
                bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                ::overlay::Endian::Big,
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
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> SceneView<'_> {
            let _ = endian;
            SceneView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_4 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(bytes: &mut [u8], endian: ::overlay::Endian) -> SceneViewMut<'_> {
            let _ = endian;
            SceneViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_4 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_4 }>(bytes);
            let _ = bytes;
            Self {
                origin: <Point as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_0,
                    __OVERLAY_OFFSET_1,
                    ::overlay::Endian::Little,
                ),
                corners: <[Point; 4] as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_1,
                    __OVERLAY_OFFSET_2,
                    ::overlay::Endian::Little,
                ),
                grid: <[[i16; 3]; 2] as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_2,
                    __OVERLAY_OFFSET_3,
                    ::overlay::Endian::Little,
                ),
                id: <u32 as ::overlay::__private::Raw>::__unpack_in(
                    bytes,
                    __OVERLAY_OFFSET_3,
                    __OVERLAY_OFFSET_4,
                    ::overlay::Endian::Big,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_4 }>(bytes);
            <Point as ::overlay::__private::Raw>::__pack_in(
                &self.origin,
                &mut *bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
            <[Point; 4] as ::overlay::__private::Raw>::__pack_in(
                &self.corners,
                &mut *bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            );
            <[[i16; 3]; 2] as ::overlay::__private::Raw>::__pack_in(
                &self.grid,
                &mut *bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            );
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &self.id,
                &mut *bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
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
    impl ::core::clone::Clone for SceneView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for SceneView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> SceneView<'a> {
        #[inline]
        pub fn origin(&self) -> <Point as ::overlay::Overlay>::View<'a> {
            <Point as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn corners(&self) -> <[Point; 4] as ::overlay::Overlay>::View<'a> {
            <[Point; 4] as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn grid(&self) -> ::overlay::ArrayView<'a, [i16; 3], { 2 }> {
            <[[i16; 3]; 2] as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn id(&self) -> u32 {
            <u32 as ::overlay::__private::Raw>::__view_in(
                self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
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
        pub fn unpack(&self) -> Scene {
            <Scene as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Little,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for SceneView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Scene")
                .field(
                    "origin",
                    &<Point as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_0,
                        __OVERLAY_OFFSET_1,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "corners",
                    &<[Point; 4] as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_1,
                        __OVERLAY_OFFSET_2,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "grid",
                    &<[[i16; 3]; 2] as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_2,
                        __OVERLAY_OFFSET_3,
                        ::overlay::Endian::Little,
                    ),
                )
                .field(
                    "id",
                    &<u32 as ::overlay::__private::Raw>::__view_in(
                        self.bytes,
                        __OVERLAY_OFFSET_3,
                        __OVERLAY_OFFSET_4,
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
    impl<'a> SceneViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> SceneView<'_> {
            SceneView { bytes: self.bytes }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> SceneView<'a> {
            SceneView { bytes: self.bytes }
        }
        #[inline]
        pub fn origin(&self) -> <Point as ::overlay::Overlay>::View<'_> {
            <Point as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `origin`.
        #[inline]
        pub fn set_origin(&mut self, value: Point) {
            <Point as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            );
        }
        ///Writable access to field `origin` in place.
        #[inline]
        pub fn origin_mut(&mut self) -> <Point as ::overlay::Overlay>::ViewMut<'_> {
            <Point as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_0,
                __OVERLAY_OFFSET_1,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn corners(&self) -> <[Point; 4] as ::overlay::Overlay>::View<'_> {
            <[Point; 4] as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `corners`.
        #[inline]
        pub fn set_corners(&mut self, value: [Point; 4]) {
            <[Point; 4] as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            );
        }
        ///Writable access to field `corners` in place.
        #[inline]
        pub fn corners_mut(
            &mut self,
        ) -> <[Point; 4] as ::overlay::Overlay>::ViewMut<'_> {
            <[Point; 4] as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_1,
                __OVERLAY_OFFSET_2,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn grid(&self) -> ::overlay::ArrayView<'_, [i16; 3], { 2 }> {
            <[[i16; 3]; 2] as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            )
        }
        ///Writes field `grid`.
        #[inline]
        pub fn set_grid(&mut self, value: [[i16; 3]; 2]) {
            <[[i16; 3]; 2] as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            );
        }
        ///Writable access to field `grid` in place.
        #[inline]
        pub fn grid_mut(&mut self) -> ::overlay::ArrayViewMut<'_, [i16; 3], { 2 }> {
            <[[i16; 3]; 2] as ::overlay::__private::Raw>::__view_mut_in(
                &mut *self.bytes,
                __OVERLAY_OFFSET_2,
                __OVERLAY_OFFSET_3,
                ::overlay::Endian::Little,
            )
        }
        #[inline]
        pub fn id(&self) -> u32 {
            <u32 as ::overlay::__private::Raw>::__view_in(
                &*self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
                ::overlay::Endian::Big,
            )
        }
        ///Writes field `id`.
        #[inline]
        pub fn set_id(&mut self, value: u32) {
            <u32 as ::overlay::__private::Raw>::__pack_in(
                &value,
                &mut *self.bytes,
                __OVERLAY_OFFSET_3,
                __OVERLAY_OFFSET_4,
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
        pub fn unpack(&self) -> Scene {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &Scene) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Little,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for SceneViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for Scene { fn
        serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        SceneView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok, S::Error >
        { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer, "Scene",
        4usize) ?; ::overlay::__private::serde::ser::SerializeStruct::serialize_field(&
        mut state, "origin", & ::overlay::__private::ViewAs:: < Point > (< Point as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_0,
        __OVERLAY_OFFSET_1, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "corners", & ::overlay::__private::ViewAs:: < [Point; 4] > (< [Point; 4] as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_1,
        __OVERLAY_OFFSET_2, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "grid", & ::overlay::__private::ViewAs:: < [[i16; 3]; 2] > (< [[i16; 3]; 2] as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_2,
        __OVERLAY_OFFSET_3, ::overlay::Endian::Little)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "id", & ::overlay::__private::ViewAs:: < u32 > (< u32 as
        ::overlay::__private::Raw > ::__view_in(view.bytes, __OVERLAY_OFFSET_3,
        __OVERLAY_OFFSET_4, ::overlay::Endian::Big)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        SceneView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer >
        (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { < Scene
        as ::overlay::__private::SerializeView > ::serialize_view(self, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        SceneViewMut < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer
        > (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { <
        Scene as ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl Scene {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <Scene as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <Scene as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Little);
            out
        }
    }
};
