#ifndef KAKEHASHI_CZLIB_SHIM_H
#define KAKEHASHI_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h, so Swift cannot call it directly.
static inline int kakehashi_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
