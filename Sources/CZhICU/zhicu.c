// The only file that includes ICU's headers (through CICU's flags). ICU's symbols are
// versioned (utrans_openU_72); its headers map the plain names, so calling them here is enough.
#include "zhicu.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unicode/utypes.h>
#include <unicode/utrans.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

struct zh_translit { UTransliterator *t; };
struct zh_codec { UConverter *c; };

static void set_error(char *error, int32_t cap, const char *what, UErrorCode status) {
    if (error && cap > 0) snprintf(error, (size_t)cap, "%s: %s", what, u_errorName(status));
}

// UTF-8 to a malloc'd UTF-16 buffer (ICU's converter, far faster than Swift's).
static UChar *to_utf16(const char *in, int64_t length, int32_t *out_length, UErrorCode *status) {
    if (length > INT32_MAX / 2) { *status = U_BUFFER_OVERFLOW_ERROR; return NULL; }
    int32_t cap = (int32_t)length + 1;
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
    if (!buf) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8WithSub(buf, cap, out_length, in, (int32_t)length, 0xFFFD, NULL, status);
    if (U_FAILURE(*status)) { free(buf); return NULL; }
    return buf;
}

// UTF-16 to a malloc'd UTF-8 buffer.
static int64_t to_utf8(const UChar *in, int32_t length, char **out, UErrorCode *status) {
    int64_t cap64 = (int64_t)length * 3 + 1;
    if (cap64 > INT32_MAX) { *status = U_BUFFER_OVERFLOW_ERROR; return -1; }
    char *buf = (char *)malloc((size_t)cap64);
    if (!buf) { *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    int32_t n = 0;
    u_strToUTF8WithSub(buf, (int32_t)cap64, &n, in, length, 0xFFFD, NULL, status);
    if (U_FAILURE(*status)) { free(buf); return -1; }
    *out = buf;
    return n;
}

zh_translit *zh_translit_open(const char *id, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[128];
    int32_t n = 0;
    u_strFromUTF8(uid, 128, &n, id, -1, &status);
    if (U_FAILURE(status)) { set_error(error, cap, "transliterator id", status); return NULL; }
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) { set_error(error, cap, "utrans_openU", status); return NULL; }
    zh_translit *h = (zh_translit *)malloc(sizeof(zh_translit));
    if (!h) { utrans_close(t); return NULL; }
    h->t = t;
    return h;
}

void zh_translit_close(zh_translit *t) {
    if (!t) return;
    utrans_close(t->t);
    free(t);
}

int64_t zh_translit_utf8(zh_translit *t, const char *in, int64_t length, char **out, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    UChar *buf = to_utf16(in, length, &n, &status);
    if (!buf) { set_error(error, cap, "UTF-8 to UTF-16", status); return -1; }
    // Conversion may lengthen the text; grow and retry on overflow.
    int32_t capacity = n + n / 4 + 16;
    UChar *work = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
    for (;;) {
        if (!work) { free(buf); set_error(error, cap, "allocation", U_MEMORY_ALLOCATION_ERROR); return -1; }
        memcpy(work, buf, sizeof(UChar) * (size_t)n);
        int32_t textLength = n, limit = n;
        status = U_ZERO_ERROR;
        utrans_transUChars(t->t, work, &textLength, capacity, 0, &limit, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            capacity = textLength + 16;
            free(work);
            work = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
            continue;
        }
        free(buf);
        if (U_FAILURE(status)) { free(work); set_error(error, cap, "utrans_transUChars", status); return -1; }
        int64_t r = to_utf8(work, textLength, out, &status);
        free(work);
        if (r < 0) set_error(error, cap, "UTF-16 to UTF-8", status);
        return r;
    }
}

int64_t zh_translit_rules(zh_translit *t, char **out, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = utrans_toRules(t->t, 1, NULL, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { set_error(error, cap, "utrans_toRules", status); return -1; }
    status = U_ZERO_ERROR;
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)(n + 1));
    if (!buf) return -1;
    utrans_toRules(t->t, 1, buf, n + 1, &status);
    if (U_FAILURE(status)) { free(buf); set_error(error, cap, "utrans_toRules", status); return -1; }
    int64_t r = to_utf8(buf, n, out, &status);
    free(buf);
    return r;
}

zh_codec *zh_codec_open(const char *name, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &status);
    if (U_FAILURE(status)) { set_error(error, cap, "ucnv_open", status); return NULL; }
    zh_codec *h = (zh_codec *)malloc(sizeof(zh_codec));
    if (!h) { ucnv_close(c); return NULL; }
    h->c = c;
    return h;
}

void zh_codec_close(zh_codec *c) {
    if (!c) return;
    ucnv_close(c->c);
    free(c);
}

int64_t zh_codec_decode(zh_codec *c, const char *in, int64_t length, int32_t strict, char **out,
                        int64_t *error_offset, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    if (length > INT32_MAX / 4) { set_error(error, cap, "input too large", U_BUFFER_OVERFLOW_ERROR); return -1; }
    ucnv_reset(c->c);
    if (strict) ucnv_setToUCallBack(c->c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    else ucnv_setToUCallBack(c->c, UCNV_TO_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &status);
    int32_t capacity = (int32_t)length * 2 + 16;
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)capacity);
    if (!buf) return -1;
    UChar *target = buf;
    const char *source = in;
    ucnv_toUnicode(c->c, &target, buf + capacity, &source, in + length, NULL, 1, &status);
    if (U_FAILURE(status)) {
        free(buf);
        if (strict && (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND)) {
            int8_t bad = 0;
            char badBytes[32];
            UErrorCode s2 = U_ZERO_ERROR;
            bad = 32;
            ucnv_getInvalidChars(c->c, badBytes, &bad, &s2);
            if (error_offset) *error_offset = (int64_t)(source - in) - bad;
            return -2;
        }
        set_error(error, cap, "ucnv_toUnicode", status);
        return -1;
    }
    int64_t r = to_utf8(buf, (int32_t)(target - buf), out, &status);
    free(buf);
    if (r < 0) set_error(error, cap, "UTF-16 to UTF-8", status);
    return r;
}

int64_t zh_codec_encode(zh_codec *c, const char *in, int64_t length, int32_t strict, char **out,
                        int64_t *error_offset, char *error, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    UChar *u = to_utf16(in, length, &n, &status);
    if (!u) { set_error(error, cap, "UTF-8 to UTF-16", status); return -1; }
    ucnv_reset(c->c);
    if (strict) ucnv_setFromUCallBack(c->c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    else ucnv_setFromUCallBack(c->c, UCNV_FROM_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &status);
    int32_t capacity = n * 4 + 16;
    char *buf = (char *)malloc((size_t)capacity);
    if (!buf) { free(u); return -1; }
    char *target = buf;
    const UChar *source = u;
    ucnv_fromUnicode(c->c, &target, buf + capacity, &source, u + n, NULL, 1, &status);
    if (U_FAILURE(status)) {
        if (strict && (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND)) {
            // Offset in UTF-8 of the character that failed.
            int32_t done = (int32_t)(source - u);
            UChar bad[8];
            int8_t badLen = 8;
            UErrorCode s2 = U_ZERO_ERROR;
            ucnv_getInvalidUChars(c->c, bad, &badLen, &s2);
            done -= badLen;
            int32_t b = 0;
            UErrorCode s3 = U_ZERO_ERROR;
            u_strToUTF8(NULL, 0, &b, u, done, &s3);
            if (error_offset) *error_offset = b;
            free(u); free(buf);
            return -2;
        }
        free(u); free(buf);
        set_error(error, cap, "ucnv_fromUnicode", status);
        return -1;
    }
    free(u);
    *out = buf;
    return (int64_t)(target - buf);
}

int32_t zh_detect_charset(const char *in, int64_t length, char *name, int32_t cap) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(d, in, (int32_t)(length > INT32_MAX ? INT32_MAX : length), &status);
    const UCharsetMatch *m = ucsdet_detect(d, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && m) {
        const char *n = ucsdet_getName(m, &status);
        confidence = ucsdet_getConfidence(m, &status);
        if (U_SUCCESS(status) && n && name && cap > 0) snprintf(name, (size_t)cap, "%s", n);
        else confidence = -1;
    }
    ucsdet_close(d);
    return confidence;
}

void zh_free(void *p) { free(p); }
