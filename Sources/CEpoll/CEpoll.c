// The functions are in the header (static inline).
