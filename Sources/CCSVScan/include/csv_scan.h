// The CSV reader's inner loop in C, sixteen bytes at a time with SSE2 (a byte at a time
// elsewhere): reading a plain record, as AtelierTabular's `PlainRecord` describes it.
#ifndef ATELIER_CSV_SCAN_H
#define ATELIER_CSV_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// What `atelier_csv_plain_record` returns when it reads no record.
enum {
    /// The record is not plain, does not end in the buffer, or has a field over the length limit
    /// or more fields than the column limit.
    ATELIER_CSV_NOT_PLAIN = -1,
    /// The record has more fields than `room`: call again with more room.
    ATELIER_CSV_NEEDS_ROOM = -2,
};

/// Reads the plain record starting at `start` of `buffer[0..<count]`: fields unquoted, or quoted
/// with no quote and no line break inside and the delimiter or the line end right after the
/// closing quote. Writes where each field's bytes lie (quotes left out) into `starts` and `ends`
/// (room for `room` fields each) and their number into `fields`, and returns the index of the
/// line end (LF or CR) that closes the record, or one of the codes above.
ptrdiff_t atelier_csv_plain_record(const uint8_t *buffer, ptrdiff_t count, ptrdiff_t start, uint8_t delimiter,
                                   ptrdiff_t max_field_bytes, ptrdiff_t max_columns,
                                   ptrdiff_t room, ptrdiff_t *starts, ptrdiff_t *ends, ptrdiff_t *fields);

#endif
