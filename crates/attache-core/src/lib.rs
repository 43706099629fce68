//! attache-core (to be written).
