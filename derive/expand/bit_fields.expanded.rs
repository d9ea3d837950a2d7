/**A read-only view of a [`Ipv4Start`] record in place inside a byte slice: one getter per field, reading straight from the bytes.

Made by [`Overlay::view`](::overlay::Overlay::view) and the other `view*` methods, which check the length and every enum and bool field once.*/
pub struct Ipv4StartView<'a> {
    bytes: &'a [u8; <Ipv4Start as ::overlay::Overlay>::SIZE],
}
///A writable view of a [`Ipv4Start`] record in place inside a mutable byte slice: the getters of [`Ipv4StartView`], plus a `set_` method per field and `_mut` accessors for arrays and nested records.
pub struct Ipv4StartViewMut<'a> {
    bytes: &'a mut [u8; <Ipv4Start as ::overlay::Overlay>::SIZE],
}
#[allow(non_upper_case_globals, clippy::identity_op)]
const _: () = {
    const __OVERLAY_OFFSET_0: usize = 0;
    const __OVERLAY_OFFSET_1: usize = __OVERLAY_OFFSET_0 + 0;
    const __OVERLAY_OFFSET_2: usize = __OVERLAY_OFFSET_1 + 0;
    const __OVERLAY_OFFSET_3: usize = __OVERLAY_OFFSET_2 + 0;
    const __OVERLAY_OFFSET_4: usize = __OVERLAY_OFFSET_3 + 0;
    const __OVERLAY_OFFSET_5: usize = __OVERLAY_OFFSET_4 + 0;
    const __OVERLAY_OFFSET_6: usize = __OVERLAY_OFFSET_5 + 4usize;
    const _: () = ::core::assert!(
        2u32 <= < Ecn as ::overlay::__private::BitField > ::BITS,
        "bit field `ecn` is 2 bits, wider than its type Ecn"
    );
    const __OVERLAY_FORMAT_PARTS: &[::overlay::__private::FormatPart] = &[
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
        ::overlay::__private::FormatPart {
            body: ::core::option::Option::None,
            count: 1,
            repeat: 1,
            string: false,
            class: ::overlay::__private::EndianClass::Any,
        },
    ];
    const __OVERLAY_FORMAT_LEN: usize = ::overlay::__private::format_len(
        __OVERLAY_FORMAT_PARTS,
    );
    const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] = ::overlay::__private::format_write::<
        __OVERLAY_FORMAT_LEN,
    >(__OVERLAY_FORMAT_PARTS, ::overlay::Endian::Big);
    #[automatically_derived]
    impl ::overlay::Overlay for Ipv4Start {
        const SIZE: usize = __OVERLAY_OFFSET_6;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_for(
            __OVERLAY_FORMAT_PARTS,
            ::overlay::__private::format_str(&__OVERLAY_FORMAT),
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[
            ::overlay::FieldInfo::__new(
                    "version",
                    __OVERLAY_OFFSET_0,
                    4usize,
                    "u8",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <u8 as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <u8 as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(28u32, 4u32)
                .__with_value(<u8 as ::overlay::__private::Raw>::__META.value),
            ::overlay::FieldInfo::__new(
                    "ihl",
                    __OVERLAY_OFFSET_1,
                    4usize,
                    "u8",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <u8 as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <u8 as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(24u32, 4u32)
                .__with_value(<u8 as ::overlay::__private::Raw>::__META.value),
            ::overlay::FieldInfo::__new(
                    "dscp",
                    __OVERLAY_OFFSET_2,
                    4usize,
                    "u8",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <u8 as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <u8 as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(18u32, 6u32)
                .__with_value(<u8 as ::overlay::__private::Raw>::__META.value),
            ::overlay::FieldInfo::__new(
                    "ecn",
                    __OVERLAY_OFFSET_3,
                    4usize,
                    "Ecn",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <Ecn as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <Ecn as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(16u32, 2u32)
                .__with_value(<Ecn as ::overlay::__private::Raw>::__META.value),
            ::overlay::FieldInfo::__new(
                    "flag",
                    __OVERLAY_OFFSET_4,
                    4usize,
                    "bool",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <bool as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <bool as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(15u32, 1u32)
                .__with_value(<bool as ::overlay::__private::Raw>::__META.value),
            ::overlay::FieldInfo::__new(
                    "rest",
                    __OVERLAY_OFFSET_5,
                    4usize,
                    "u16",
                    ::overlay::__private::EndianClass::Inherit
                        .resolve(::overlay::Endian::Big),
                    <u16 as ::overlay::__private::Raw>::__META.kind,
                    1usize,
                    <u16 as ::overlay::Overlay>::FIELDS,
                )
                .__with_bits(0u32, 15u32)
                .__with_value(<u16 as ::overlay::__private::Raw>::__META.value),
        ];
        type View<'a> = Ipv4StartView<'a>;
        type ViewMut<'a> = Ipv4StartViewMut<'a>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for Ipv4Start {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            endian_class: ::overlay::__private::format_class(__OVERLAY_FORMAT_PARTS),
            format_body: ::overlay::__private::format_body(
                ::overlay::__private::format_str(&__OVERLAY_FORMAT),
            ),
            default_endian: ::overlay::Endian::Big,
            runtime_endian: false,
            checks_bytes: false || <u8 as ::overlay::__private::BitField>::VALIDATES
                || <u8 as ::overlay::__private::BitField>::VALIDATES
                || <u8 as ::overlay::__private::BitField>::VALIDATES
                || <Ecn as ::overlay::__private::BitField>::VALIDATES
                || <bool as ::overlay::__private::BitField>::VALIDATES
                || <u16 as ::overlay::__private::BitField>::VALIDATES,
            checks_value: false || true || true || true || true || true || true,
            ..::overlay::__private::Meta::new("Ipv4Start", ::overlay::FieldKind::Struct)
        };
        type __View<'a> = Ipv4StartView<'a>;
        type __ViewMut<'a> = Ipv4StartViewMut<'a>;
        #[inline]
        fn __check_value(&self) -> ::core::result::Result<(), ::overlay::Error> {
            ::overlay::__private::bits_fit::<
                u8,
                Self,
            >(self.version, 4u32, __OVERLAY_OFFSET_0, 28u32)?;
            ::overlay::__private::bits_fit::<
                u8,
                Self,
            >(self.ihl, 4u32, __OVERLAY_OFFSET_1, 24u32)?;
            ::overlay::__private::bits_fit::<
                u8,
                Self,
            >(self.dscp, 6u32, __OVERLAY_OFFSET_2, 18u32)?;
            ::overlay::__private::bits_fit::<
                Ecn,
                Self,
            >(self.ecn, 2u32, __OVERLAY_OFFSET_3, 16u32)?;
            ::overlay::__private::bits_fit::<
                bool,
                Self,
            >(self.flag, 1u32, __OVERLAY_OFFSET_4, 15u32)?;
            ::overlay::__private::bits_fit::<
                u16,
                Self,
            >(self.rest, 15u32, __OVERLAY_OFFSET_5, 0u32)?;
            ::core::result::Result::Ok(())
        }
        #[inline]
        fn __check_bytes(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let _ = endian;
            let bytes: &[u8; __OVERLAY_OFFSET_6] = match <&[u8; __OVERLAY_OFFSET_6] as ::core::convert::TryFrom<
                &[u8],
            >>::try_from(bytes) {
                ::core::result::Result::Ok(bytes) => bytes,
                ::core::result::Result::Err(_) => {
                    return ::core::result::Result::Err(
                        ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
            };
            if <u8 as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    u8,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        28u32,
                        4u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_0,
                            4usize,
                            ::overlay::Endian::Big,
                            28u32,
                            4u32,
                        )
                    })?;
            }
            if <u8 as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    u8,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        24u32,
                        4u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_1,
                            4usize,
                            ::overlay::Endian::Big,
                            24u32,
                            4u32,
                        )
                    })?;
            }
            if <u8 as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    u8,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        18u32,
                        6u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_2,
                            4usize,
                            ::overlay::Endian::Big,
                            18u32,
                            6u32,
                        )
                    })?;
            }
            if <Ecn as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    Ecn,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        16u32,
                        2u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_3,
                            4usize,
                            ::overlay::Endian::Big,
                            16u32,
                            2u32,
                        )
                    })?;
            }
            if <bool as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    bool,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        15u32,
                        1u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_4,
                            4usize,
                            ::overlay::Endian::Big,
                            15u32,
                            1u32,
                        )
                    })?;
            }
            if <u16 as ::overlay::__private::BitField>::VALIDATES {
                ::overlay::__private::check_bits::<
                    u16,
                >(
                        ::overlay::__private::read_group(
                            &bytes[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        0u32,
                        15u32,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<
                                Self,
                            >(
                            __OVERLAY_OFFSET_5,
                            4usize,
                            ::overlay::Endian::Big,
                            0u32,
                            15u32,
                        )
                    })?;
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
            ::overlay::__private::record_chunk::<{ __OVERLAY_OFFSET_6 }>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { __OVERLAY_OFFSET_6 },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> Ipv4StartView<'_> {
            let _ = endian;
            Ipv4StartView {
                bytes: ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_6 }>(bytes),
            }
        }
        #[inline(always)]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> Ipv4StartViewMut<'_> {
            let _ = endian;
            Ipv4StartViewMut {
                bytes: ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_6 }>(bytes),
            }
        }
        #[inline]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            let bytes = ::overlay::__private::array_ref::<{ __OVERLAY_OFFSET_6 }>(bytes);
            let _ = bytes;
            Self {
                version: ::overlay::__private::get_bits::<
                    u8,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    28u32,
                    4u32,
                ),
                ihl: ::overlay::__private::get_bits::<
                    u8,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    24u32,
                    4u32,
                ),
                dscp: ::overlay::__private::get_bits::<
                    u8,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    18u32,
                    6u32,
                ),
                ecn: ::overlay::__private::get_bits::<
                    Ecn,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    16u32,
                    2u32,
                ),
                flag: ::overlay::__private::get_bits::<
                    bool,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    15u32,
                    1u32,
                ),
                rest: ::overlay::__private::get_bits::<
                    u16,
                >(
                    ::overlay::__private::read_group(
                        &(bytes)[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                        ::overlay::Endian::Big,
                    ),
                    0u32,
                    15u32,
                ),
            }
        }
        #[inline]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let bytes = ::overlay::__private::array_mut::<{ __OVERLAY_OFFSET_6 }>(bytes);
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                u8,
            >(group, 28u32, 4u32, *&self.version);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                u8,
            >(group, 24u32, 4u32, *&self.ihl);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                u8,
            >(group, 18u32, 6u32, *&self.dscp);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                Ecn,
            >(group, 16u32, 2u32, *&self.ecn);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                bool,
            >(group, 15u32, 1u32, *&self.flag);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            let group = ::overlay::__private::read_group(
                &bytes[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::insert_bits::<
                u16,
            >(group, 0u32, 15u32, *&self.rest);
            ::overlay::__private::write_group(
                &mut bytes[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                ::overlay::Endian::Big,
                group,
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
    impl ::core::clone::Clone for Ipv4StartView<'_> {
        #[inline]
        fn clone(&self) -> Self {
            *self
        }
    }
    #[automatically_derived]
    impl ::core::marker::Copy for Ipv4StartView<'_> {}
    #[automatically_derived]
    #[allow(
        clippy::len_without_is_empty,
        clippy::wrong_self_convention,
        clippy::should_implement_trait
    )]
    impl<'a> Ipv4StartView<'a> {
        #[inline]
        pub fn version(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                    ::overlay::Endian::Big,
                ),
                28u32,
                4u32,
            )
        }
        #[inline]
        pub fn ihl(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                    ::overlay::Endian::Big,
                ),
                24u32,
                4u32,
            )
        }
        #[inline]
        pub fn dscp(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                    ::overlay::Endian::Big,
                ),
                18u32,
                6u32,
            )
        }
        #[inline]
        pub fn ecn(&self) -> <Ecn as ::overlay::Overlay>::View<'a> {
            ::overlay::__private::get_bits::<
                Ecn,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                    ::overlay::Endian::Big,
                ),
                16u32,
                2u32,
            )
        }
        #[inline]
        pub fn flag(&self) -> bool {
            ::overlay::__private::get_bits::<
                bool,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                    ::overlay::Endian::Big,
                ),
                15u32,
                1u32,
            )
        }
        #[inline]
        pub fn rest(&self) -> u16 {
            ::overlay::__private::get_bits::<
                u16,
            >(
                ::overlay::__private::read_group(
                    &(self.bytes)[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                    ::overlay::Endian::Big,
                ),
                0u32,
                15u32,
            )
        }
        /// The record's bytes, borrowed from the buffer the view was made from.
        #[inline]
        pub fn as_bytes(&self) -> &'a [u8] {
            self.bytes
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> Ipv4Start {
            <Ipv4Start as ::overlay::__private::Raw>::__unpack(
                self.bytes,
                ::overlay::Endian::Big,
            )
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for Ipv4StartView<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.debug_struct("Ipv4Start")
                .field(
                    "version",
                    &::overlay::__private::get_bits::<
                        u8,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        28u32,
                        4u32,
                    ),
                )
                .field(
                    "ihl",
                    &::overlay::__private::get_bits::<
                        u8,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        24u32,
                        4u32,
                    ),
                )
                .field(
                    "dscp",
                    &::overlay::__private::get_bits::<
                        u8,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        18u32,
                        6u32,
                    ),
                )
                .field(
                    "ecn",
                    &::overlay::__private::get_bits::<
                        Ecn,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        16u32,
                        2u32,
                    ),
                )
                .field(
                    "flag",
                    &::overlay::__private::get_bits::<
                        bool,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        15u32,
                        1u32,
                    ),
                )
                .field(
                    "rest",
                    &::overlay::__private::get_bits::<
                        u16,
                    >(
                        ::overlay::__private::read_group(
                            &(self
                                .bytes)[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                            ::overlay::Endian::Big,
                        ),
                        0u32,
                        15u32,
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
    impl<'a> Ipv4StartViewMut<'a> {
        /// A read-only view of the same record, borrowing this one.
        #[inline]
        pub fn as_view(&self) -> Ipv4StartView<'_> {
            Ipv4StartView { bytes: self.bytes }
        }
        /// Turns this view into a read-only view for the rest of the buffer's borrow.
        #[inline]
        pub fn into_view(self) -> Ipv4StartView<'a> {
            Ipv4StartView { bytes: self.bytes }
        }
        #[inline]
        pub fn version(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                    ::overlay::Endian::Big,
                ),
                28u32,
                4u32,
            )
        }
        ///Writes bit field `version` (4 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_version(
            &mut self,
            value: u8,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                u8,
                Ipv4Start,
            >(group, 28u32, 4u32, value, __OVERLAY_OFFSET_0)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        #[inline]
        pub fn ihl(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                    ::overlay::Endian::Big,
                ),
                24u32,
                4u32,
            )
        }
        ///Writes bit field `ihl` (4 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_ihl(
            &mut self,
            value: u8,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                u8,
                Ipv4Start,
            >(group, 24u32, 4u32, value, __OVERLAY_OFFSET_1)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_1..__OVERLAY_OFFSET_1 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        #[inline]
        pub fn dscp(&self) -> u8 {
            ::overlay::__private::get_bits::<
                u8,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                    ::overlay::Endian::Big,
                ),
                18u32,
                6u32,
            )
        }
        ///Writes bit field `dscp` (6 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_dscp(
            &mut self,
            value: u8,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                u8,
                Ipv4Start,
            >(group, 18u32, 6u32, value, __OVERLAY_OFFSET_2)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_2..__OVERLAY_OFFSET_2 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        #[inline]
        pub fn ecn(&self) -> Ecn {
            ::overlay::__private::get_bits::<
                Ecn,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                    ::overlay::Endian::Big,
                ),
                16u32,
                2u32,
            )
        }
        ///Writes bit field `ecn` (2 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_ecn(
            &mut self,
            value: Ecn,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                Ecn,
                Ipv4Start,
            >(group, 16u32, 2u32, value, __OVERLAY_OFFSET_3)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_3..__OVERLAY_OFFSET_3 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        #[inline]
        pub fn flag(&self) -> bool {
            ::overlay::__private::get_bits::<
                bool,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                    ::overlay::Endian::Big,
                ),
                15u32,
                1u32,
            )
        }
        ///Writes bit field `flag` (1 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_flag(
            &mut self,
            value: bool,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                bool,
                Ipv4Start,
            >(group, 15u32, 1u32, value, __OVERLAY_OFFSET_4)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        #[inline]
        pub fn rest(&self) -> u16 {
            ::overlay::__private::get_bits::<
                u16,
            >(
                ::overlay::__private::read_group(
                    &(&*self.bytes)[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                    ::overlay::Endian::Big,
                ),
                0u32,
                15u32,
            )
        }
        ///Writes bit field `rest` (15 bits). A value that does not fit is an error and writes nothing.
        #[inline]
        pub fn set_rest(
            &mut self,
            value: u16,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let group = ::overlay::__private::read_group(
                &self.bytes[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                ::overlay::Endian::Big,
            );
            let group = ::overlay::__private::set_bits::<
                u16,
                Ipv4Start,
            >(group, 0u32, 15u32, value, __OVERLAY_OFFSET_5)?;
            ::overlay::__private::write_group(
                &mut self.bytes[__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
                ::overlay::Endian::Big,
                group,
            );
            ::core::result::Result::Ok(())
        }
        /// The record's bytes.
        #[inline]
        pub fn as_bytes(&self) -> &[u8] {
            &self.bytes[..]
        }
        /// Copies the record out into an owned value.
        #[inline]
        pub fn unpack(&self) -> Ipv4Start {
            self.as_view().unpack()
        }
        /// Overwrites the whole record with `value`; pad fields become zeros.
        #[inline]
        pub fn pack(&mut self, value: &Ipv4Start) {
            ::overlay::__private::Raw::__pack(
                value,
                &mut self.bytes[..],
                ::overlay::Endian::Big,
            );
        }
    }
    #[automatically_derived]
    impl ::core::fmt::Debug for Ipv4StartViewMut<'_> {
        #[inline]
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::fmt::Debug::fmt(&self.as_view(), f)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for Ipv4Start {
        fn serialize_view < S : ::overlay::__private::serde::Serializer > (view : &
        Ipv4StartView < '_ >, serializer : S,) -> ::core::result::Result < S::Ok,
        S::Error > { let mut state =
        ::overlay::__private::serde::Serializer::serialize_struct(serializer,
        "Ipv4Start", 6usize) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "version", & ::overlay::__private::ViewAs:: < u8 >
        (::overlay::__private::get_bits:: < u8 > (::overlay::__private::read_group(&
        (view.bytes) [__OVERLAY_OFFSET_0..__OVERLAY_OFFSET_0 + 4usize],
        ::overlay::Endian::Big), 28u32, 4u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "ihl", & ::overlay::__private::ViewAs:: < u8 > (::overlay::__private::get_bits::
        < u8 > (::overlay::__private::read_group(& (view.bytes) [__OVERLAY_OFFSET_1
        ..__OVERLAY_OFFSET_1 + 4usize], ::overlay::Endian::Big), 24u32, 4u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "dscp", & ::overlay::__private::ViewAs:: < u8 > (::overlay::__private::get_bits::
        < u8 > (::overlay::__private::read_group(& (view.bytes) [__OVERLAY_OFFSET_2
        ..__OVERLAY_OFFSET_2 + 4usize], ::overlay::Endian::Big), 18u32, 6u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "ecn", & ::overlay::__private::ViewAs:: < Ecn > (::overlay::__private::get_bits::
        < Ecn > (::overlay::__private::read_group(& (view.bytes) [__OVERLAY_OFFSET_3
        ..__OVERLAY_OFFSET_3 + 4usize], ::overlay::Endian::Big), 16u32, 2u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "flag", & ::overlay::__private::ViewAs:: < bool >
        (::overlay::__private::get_bits:: < bool > (::overlay::__private::read_group(&
        (view.bytes) [__OVERLAY_OFFSET_4..__OVERLAY_OFFSET_4 + 4usize],
        ::overlay::Endian::Big), 15u32, 1u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::serialize_field(& mut state,
        "rest", & ::overlay::__private::ViewAs:: < u16 >
        (::overlay::__private::get_bits:: < u16 > (::overlay::__private::read_group(&
        (view.bytes) [__OVERLAY_OFFSET_5..__OVERLAY_OFFSET_5 + 4usize],
        ::overlay::Endian::Big), 0u32, 15u32,)),) ?;
        ::overlay::__private::serde::ser::SerializeStruct::end(state) } fn
        serialize_array < S : ::overlay::__private::serde::Serializer, const N : usize >
        (view : & ::overlay::ArrayView < '_, Self, N >, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > {
        ::overlay::__private::serialize_elements(view, serializer) } }
        #[automatically_derived] impl ::overlay::__private::serde::Serialize for
        Ipv4StartView < '_ > { fn serialize < S : ::overlay::__private::serde::Serializer
        > (& self, serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { <
        Ipv4Start as ::overlay::__private::SerializeView > ::serialize_view(self,
        serializer) } } #[automatically_derived] impl
        ::overlay::__private::serde::Serialize for Ipv4StartViewMut < '_ > { fn serialize
        < S : ::overlay::__private::serde::Serializer > (& self, serializer : S,) ->
        ::core::result::Result < S::Ok, S::Error > { < Ipv4Start as
        ::overlay::__private::SerializeView > ::serialize_view(& self.as_view(),
        serializer) } }
    }
    #[automatically_derived]
    impl Ipv4Start {
        /// The record's bytes, as an array on the stack (no allocation). Pad fields are
        /// zeros.
        #[inline]
        pub fn to_bytes(&self) -> [u8; <Ipv4Start as ::overlay::Overlay>::SIZE] {
            let mut out = [0u8; <Ipv4Start as ::overlay::Overlay>::SIZE];
            ::overlay::__private::Raw::__pack(self, &mut out, ::overlay::Endian::Big);
            out
        }
    }
};
