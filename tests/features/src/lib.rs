//! Tests of overlay with its optional features on; see `tests/`.
