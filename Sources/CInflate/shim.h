// zlib, for inflating the parts of .xlsx and .ods packages (AtelierTabular's ZipArchive).
#include <zlib.h>
