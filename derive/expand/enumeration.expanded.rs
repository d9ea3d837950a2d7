#[allow(non_upper_case_globals)]
const _: () = {
    #[inline]
    fn from_raw(raw: u16) -> ::core::option::Option<Kind> {
        if raw == Kind::Data as u16 {
            return ::core::option::Option::Some(Kind::Data);
        }
        if raw == Kind::Ack as u16 {
            return ::core::option::Option::Some(Kind::Ack);
        }
        if raw == Kind::Reset as u16 {
            return ::core::option::Option::Some(Kind::Reset);
        }
        ::core::option::Option::None
    }
    #[inline]
    fn to_raw(value: &Kind) -> u16 {
        match *value {
            Kind::Data => Kind::Data as u16,
            Kind::Ack => Kind::Ack as u16,
            Kind::Reset => Kind::Reset as u16,
        }
    }
    const ENUM_TYPE: ::overlay::EnumType = ::overlay::EnumType::__new(
        "Kind",
        <u16>::MIN != 0,
        &[
            ::overlay::EnumVariant::__new("Data", Kind::Data as u16 as i128),
            ::overlay::EnumVariant::__new("Ack", Kind::Ack as u16 as i128),
            ::overlay::EnumVariant::__new("Reset", Kind::Reset as u16 as i128),
        ],
    );
    const FORMAT: [u8; 2] = match <u16 as ::overlay::__private::Raw>::__META.format_body
    {
        ::core::option::Option::Some(body) => {
            [::overlay::Endian::Little.struct_prefix() as u8, body.as_bytes()[0]]
        }
        ::core::option::Option::None => [0, 0],
    };
    #[automatically_derived]
    impl ::overlay::Overlay for Kind {
        const SIZE: usize = <u16 as ::overlay::Overlay>::SIZE;
        const FORMAT: ::core::option::Option<&'static str> = ::overlay::__private::format_str(
            &FORMAT,
        );
        const FIELDS: &'static [::overlay::FieldInfo] = &[];
        type View<'a> = Kind;
        type ViewMut<'a> = ::overlay::ScalarMut<'a, Kind>;
    }
    #[automatically_derived]
    impl ::overlay::__private::Raw for Kind {
        const __META: ::overlay::__private::Meta = ::overlay::__private::Meta {
            value: ::core::option::Option::Some(::overlay::ValueType::Enum(&ENUM_TYPE)),
            endian_class: <u16 as ::overlay::__private::Raw>::__META
                .endian_class
                .resolve(::overlay::Endian::Little),
            default_endian: ::overlay::Endian::Little,
            format_body: <u16 as ::overlay::__private::Raw>::__META.format_body,
            checks_bytes: !false,
            ..::overlay::__private::Meta::new("Kind", ::overlay::FieldKind::Enum)
        };
        type __View<'a> = Kind;
        type __ViewMut<'a> = ::overlay::ScalarMut<'a, Kind>;
        fn __check_bytes(
            bytes: &[u8],
            endian: ::overlay::Endian,
        ) -> ::core::result::Result<(), ::overlay::Error> {
            let _ = endian;
            if bytes.len() != <Self as ::overlay::Overlay>::SIZE {
                return ::core::result::Result::Err(
                    ::overlay::Error::__wrong_length::<Self>(bytes.len()),
                );
            }
            let raw = <u16 as ::overlay::__private::Raw>::__unpack(
                bytes,
                ::overlay::Endian::Little,
            );
            match from_raw(raw) {
                ::core::option::Option::Some(_) => ::core::result::Result::Ok(()),
                ::core::option::Option::None => {
                    ::core::result::Result::Err(
                        ::overlay::Error::__invalid_enum::<Self>(raw as i64),
                    )
                }
            }
        }
        #[inline(always)]
        fn __record(
            bytes: &[u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&[u8]> {
            ::overlay::__private::record_chunk::<
                { <u16 as ::overlay::Overlay>::SIZE },
            >(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            ::overlay::__private::record_chunk_mut::<
                { <u16 as ::overlay::Overlay>::SIZE },
            >(bytes, index)
        }
        #[inline(always)]
        fn __view(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            <Self as ::overlay::__private::Raw>::__unpack(bytes, endian)
        }
        #[inline]
        fn __view_mut(
            bytes: &mut [u8],
            endian: ::overlay::Endian,
        ) -> ::overlay::ScalarMut<'_, Self> {
            ::overlay::ScalarMut::__new(bytes, endian)
        }
        #[inline(always)]
        fn __unpack(bytes: &[u8], endian: ::overlay::Endian) -> Self {
            let _ = endian;
            match from_raw(
                <u16 as ::overlay::__private::Raw>::__unpack(
                    bytes,
                    ::overlay::Endian::Little,
                ),
            ) {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => Kind::Data,
            }
        }
        #[inline(always)]
        fn __pack(&self, bytes: &mut [u8], endian: ::overlay::Endian) {
            let _ = endian;
            let raw: u16 = to_raw(self);
            <u16 as ::overlay::__private::Raw>::__pack(
                &raw,
                bytes,
                ::overlay::Endian::Little,
            );
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
    impl ::overlay::__private::Tag for Kind {
        #[inline(always)]
        fn __tag(self) -> i128 {
            to_raw(&self) as i128
        }
    }
    #[automatically_derived]
    impl ::overlay::__private::BitField for Kind {
        const BITS: u32 = <u16>::BITS;
        const SIGNED: bool = <u16>::MIN != 0;
        const VALIDATES: bool = !false;
        const FALLBACK: Self = Kind::Data;
        #[inline(always)]
        fn from_bits(raw: i128) -> ::core::option::Option<Self> {
            from_raw(raw as u16)
        }
        #[inline(always)]
        fn to_bits(self) -> i128 {
            to_raw(&self) as i128
        }
        fn invalid(raw: i128) -> ::overlay::Error {
            ::overlay::Error::__invalid_enum::<Self>(raw as i64)
        }
    }
    ::overlay::__private::if_serde! {
        #[automatically_derived] impl ::overlay::__private::SerializeView for Kind { fn
        serialize_view < S : ::overlay::__private::serde::Serializer > (view : & Self,
        serializer : S,) -> ::core::result::Result < S::Ok, S::Error > { match * view {
        Kind::Data =>
        ::overlay::__private::serde::Serializer::serialize_unit_variant(serializer,
        "Kind", 0u32, "Data",), Kind::Ack =>
        ::overlay::__private::serde::Serializer::serialize_unit_variant(serializer,
        "Kind", 1u32, "Ack",), Kind::Reset =>
        ::overlay::__private::serde::Serializer::serialize_unit_variant(serializer,
        "Kind", 2u32, "Reset",), } } fn serialize_array < S :
        ::overlay::__private::serde::Serializer, const N : usize > (view : &
        ::overlay::ArrayView < '_, Self, N >, serializer : S,) -> ::core::result::Result
        < S::Ok, S::Error > { ::overlay::__private::serialize_elements(view, serializer)
        } }
    }
};
