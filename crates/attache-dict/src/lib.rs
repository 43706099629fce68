//! attache-dict (to be written).
