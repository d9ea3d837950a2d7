/// Variable-length fields: bytes sized by an expression, records by a count, and the rest.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Frame {
    pub n_samples: u16,
    pub note_len: u8,
    #[overlay(count = "n_samples")]
    pub samples: VarRecords<Sample>,
    #[overlay(bytes = "note_len")]
    pub note: VarBytes,
    #[overlay(rest)]
    pub trailer: VarBytes,
}
