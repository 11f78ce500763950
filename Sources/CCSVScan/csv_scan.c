#include "csv_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const uint8_t quote = '"', cr = '\r', lf = '\n';

/// The index of the first byte at or after `from` equal to `a`, `b` or `c`; `count` when none is.
static inline ptrdiff_t first_of(const uint8_t *buffer, ptrdiff_t count, ptrdiff_t from, uint8_t a, uint8_t b, uint8_t c) {
#if defined(__SSE2__)
    const __m128i wanted_a = _mm_set1_epi8((char)a), wanted_b = _mm_set1_epi8((char)b), wanted_c = _mm_set1_epi8((char)c);
    while (from + 16 <= count) {
        const __m128i bytes = _mm_loadu_si128((const __m128i *)(buffer + from));
        const __m128i found = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, wanted_a), _mm_cmpeq_epi8(bytes, wanted_b)),
                                           _mm_cmpeq_epi8(bytes, wanted_c));
        const unsigned mask = (unsigned)_mm_movemask_epi8(found);
        if (mask != 0) return from + __builtin_ctz(mask);
        from += 16;
    }
#endif
    while (from < count && buffer[from] != a && buffer[from] != b && buffer[from] != c) from++;
    return from;
}

ptrdiff_t atelier_csv_plain_record(const uint8_t *buffer, ptrdiff_t count, ptrdiff_t start, uint8_t delimiter,
                                   ptrdiff_t max_field_bytes, ptrdiff_t max_columns,
                                   ptrdiff_t room, ptrdiff_t *starts, ptrdiff_t *ends, ptrdiff_t *fields) {
    ptrdiff_t index = start, found = 0;
    while (index < count) {
        if (found == max_columns) return ATELIER_CSV_NOT_PLAIN;
        if (found == room) return ATELIER_CSV_NEEDS_ROOM;
        ptrdiff_t end;
        if (buffer[index] == quote) {
            const ptrdiff_t closing = first_of(buffer, count, index + 1, quote, lf, cr);
            if (closing + 1 >= count || buffer[closing] != quote) return ATELIER_CSV_NOT_PLAIN;
            end = closing + 1;
            starts[found] = index + 1;
            ends[found] = closing;
        } else {
            end = first_of(buffer, count, index, delimiter, lf, cr);
            if (end >= count) return ATELIER_CSV_NOT_PLAIN;
            starts[found] = index;
            ends[found] = end;
        }
        if (end - index > max_field_bytes) return ATELIER_CSV_NOT_PLAIN;
        *fields = ++found;
        const uint8_t byte = buffer[end];
        if (byte == lf || byte == cr) return end;
        if (byte != delimiter) return ATELIER_CSV_NOT_PLAIN;
        index = end + 1;
    }
    return ATELIER_CSV_NOT_PLAIN;
}
