//! attache-text (to be written).
