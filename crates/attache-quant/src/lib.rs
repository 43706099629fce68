//! attache-quant (to be written).
