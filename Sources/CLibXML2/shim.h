#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers clash with the ICU copy inside Swift's
   Foundation. nianbao never touches the ICU converter fields, so the declarations go without. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>

/* libxml2 prints some errors straight to stderr through a variadic callback, which Swift cannot
   write; this one drops them. libxml2 keeps the callback per thread. */
static void nianbao_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void nianbao_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, nianbao_ignore_generic_error);
}
