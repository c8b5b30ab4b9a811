//! Placeholder: implemented by its own workstream.
