// libxml2, opened when a DOCX or HTML page is read, instead of linked: linked, it and what it needs
// (ICU, liblzma, libz) were loaded and bound at every start of nianbao, a millisecond of a text
// convert. The headers give the types and constants; the functions are taken from the library
// through one table.
#ifndef NIANBAO_XML_SHIM_H
#define NIANBAO_XML_SHIM_H

#include <dlfcn.h>
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers clash with the ICU copy inside Swift's
   Foundation. nianbao never touches the ICU converter fields, so the declarations go without. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>

/// The libxml2 functions nianbao uses, as found in the library.
typedef struct {
    __typeof__(&xmlCreatePushParserCtxt) createPushParserCtxt;
    __typeof__(&xmlCtxtUseOptions) ctxtUseOptions;
    __typeof__(&xmlDictQLookup) dictQLookup;
    __typeof__(&xmlFreeDoc) freeDoc;
    __typeof__(&xmlFreeParserCtxt) freeParserCtxt;
    __typeof__(&xmlInitParser) initParser;
    __typeof__(&xmlParseChunk) parseChunk;
    __typeof__(&__xmlParserVersion) parserVersion;
    __typeof__(&xmlSetGenericErrorFunc) setGenericErrorFunc;
    __typeof__(&xmlSetStructuredErrorFunc) setStructuredErrorFunc;
    __typeof__(&xmlStopParser) stopParser;
    __typeof__(&htmlNewParserCtxt) htmlNewParserCtxt;
    __typeof__(&htmlCtxtReadMemory) htmlCtxtReadMemory;
    __typeof__(&htmlFreeParserCtxt) htmlFreeParserCtxt;
} NianbaoXML;

/// Opens libxml2, finds every function and initialises the parser; NULL when the library or one of
/// the functions is missing. Call it once (a `static let`).
static inline const NianbaoXML *nianbao_xml_open(void) {
    static NianbaoXML api;
    void *library = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libxml2.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return NULL;
#define NIANBAO_XML_FIND(field, name) if (!(*(void **)&api.field = dlsym(library, #name))) return NULL;
    NIANBAO_XML_FIND(createPushParserCtxt, xmlCreatePushParserCtxt)
    NIANBAO_XML_FIND(ctxtUseOptions, xmlCtxtUseOptions)
    NIANBAO_XML_FIND(dictQLookup, xmlDictQLookup)
    NIANBAO_XML_FIND(freeDoc, xmlFreeDoc)
    NIANBAO_XML_FIND(freeParserCtxt, xmlFreeParserCtxt)
    NIANBAO_XML_FIND(initParser, xmlInitParser)
    NIANBAO_XML_FIND(parseChunk, xmlParseChunk)
    NIANBAO_XML_FIND(parserVersion, __xmlParserVersion)
    NIANBAO_XML_FIND(setGenericErrorFunc, xmlSetGenericErrorFunc)
    NIANBAO_XML_FIND(setStructuredErrorFunc, xmlSetStructuredErrorFunc)
    NIANBAO_XML_FIND(stopParser, xmlStopParser)
    NIANBAO_XML_FIND(htmlNewParserCtxt, htmlNewParserCtxt)
    NIANBAO_XML_FIND(htmlCtxtReadMemory, htmlCtxtReadMemory)
    NIANBAO_XML_FIND(htmlFreeParserCtxt, htmlFreeParserCtxt)
#undef NIANBAO_XML_FIND
    api.initParser();
    return &api;
}

/* libxml2 prints some errors straight to stderr through a variadic callback, which Swift cannot
   write; this one drops them. libxml2 keeps the callback per thread. */
static void nianbao_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void nianbao_silence_generic_errors(__typeof__(&xmlSetGenericErrorFunc) set) {
    set(NULL, nianbao_ignore_generic_error);
}

#endif
