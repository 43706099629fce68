//! attache-ingest (to be written).
