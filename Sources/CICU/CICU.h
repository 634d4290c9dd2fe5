#include <unicode/utypes.h>
#include <unicode/utrans.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
