// The C boundary to ICU. This header includes no ICU header: handles are opaque and names are
// unversioned, so Swift modules can import it next to Foundation. Every function reports
// failure through a return value and, where given, a message buffer; none aborts.
#ifndef ZHICU_H
#define ZHICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU transliterator (opaque). Not thread-safe: callers serialize use of one handle.
typedef struct zh_translit zh_translit;

/// Opens the transliterator with the given ID (e.g. "Hans-Hant"); NULL on failure, with the
/// reason in `error`.
zh_translit *zh_translit_open(const char *id, char *error, int32_t error_capacity);
void zh_translit_close(zh_translit *t);

/// Transliterates UTF-8 text. On success returns the output length and sets `*out` to a buffer
/// to release with zh_free; on failure returns -1 with the reason in `error`.
int64_t zh_translit_utf8(zh_translit *t, const char *in, int64_t length, char **out,
                         char *error, int32_t error_capacity);

/// The transliterator's rules as UTF-8 source text (escaped for unprintable characters), as
/// `zh_translit_utf8` returns its output.
int64_t zh_translit_rules(zh_translit *t, char **out, char *error, int32_t error_capacity);

/// An ICU character set converter (opaque). Not thread-safe.
typedef struct zh_codec zh_codec;

/// Opens the converter with the given name (e.g. "windows-936-2000"); NULL on failure.
zh_codec *zh_codec_open(const char *name, char *error, int32_t error_capacity);
void zh_codec_close(zh_codec *c);

/// Decodes bytes to UTF-8. With `strict`, stops at the first undecodable byte and returns -2
/// with its offset in `*error_offset`; otherwise undecodable bytes become U+FFFD.
int64_t zh_codec_decode(zh_codec *c, const char *in, int64_t length, int32_t strict, char **out,
                        int64_t *error_offset, char *error, int32_t error_capacity);

/// Encodes UTF-8 to bytes. With `strict`, returns -2 at the first unencodable character (its
/// UTF-8 offset in `*error_offset`); otherwise unencodable characters become the codec's
/// substitution byte(s).
int64_t zh_codec_encode(zh_codec *c, const char *in, int64_t length, int32_t strict, char **out,
                        int64_t *error_offset, char *error, int32_t error_capacity);

/// ICU's charset detector: writes the best guess's name into `name` and returns its confidence
/// (0-100), or -1 when nothing was detected.
int32_t zh_detect_charset(const char *in, int64_t length, char *name, int32_t name_capacity);

/// Releases a buffer returned by this library.
void zh_free(void *p);

#ifdef __cplusplus
}
#endif

#endif
