//! Where a slice that an entry point gave back lies in the buffer it was given.

/// Where `part` starts in `whole`, if it lies entirely inside it.
pub fn place(whole: &[u8], part: &[u8]) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start.checked_add(part.len())? <= whole.len()).then_some(start)
}
