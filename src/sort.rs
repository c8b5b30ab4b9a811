//! The crate's one sort: the QR crate's small heapsort (`tirkeu_qr::sort`, where its size saving
//! and its tests are), shared so that the module holds one sort for the scanner and the rules.

pub(crate) use tirkeu_qr::sort::{sort, sort_by, sort_by_key};
