//! attache-time (to be written).
