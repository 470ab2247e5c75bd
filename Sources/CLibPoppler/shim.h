// poppler-glib, opened on first use instead of linked. Linked, it and the forty-odd libraries it
// needs (cairo, GLib, NSS, X11 ...) were loaded and relocated at every start of nianbao, which cost
// more than converting a text report; now only reading a PDF loads them. The declarations are the
// few parts of poppler-glib's and GLib's stable C interface the PDF reader uses, with their ABI.
#ifndef NIANBAO_POPPLER_SHIM_H
#define NIANBAO_POPPLER_SHIM_H

#include <dlfcn.h>
#include <stddef.h>

typedef struct NianbaoPopplerDocument NianbaoPopplerDocument;
typedef struct NianbaoPopplerPage NianbaoPopplerPage;
/// PopplerRectangle: a box in points.
typedef struct { double x1, y1, x2, y2; } NianbaoPopplerRectangle;
/// GError.
typedef struct { unsigned int domain; int code; char *message; } NianbaoGError;

/// PopplerError's POPPLER_ERROR_ENCRYPTED.
#define NIANBAO_POPPLER_ERROR_ENCRYPTED 1

/// The functions, as found in the library: all of them, or none (nianbao_poppler_open returns NULL).
typedef struct {
    const char *(* _Nonnull get_version)(void);
    void *(* _Nonnull bytes_new)(const void *, size_t);
    void (* _Nonnull bytes_unref)(void *);
    NianbaoPopplerDocument *(* _Nonnull document_new_from_bytes)(void *, const char *, NianbaoGError **);
    void (* _Nonnull error_free)(NianbaoGError *);
    void (* _Nonnull object_unref)(void *);
    int (* _Nonnull document_get_n_pages)(NianbaoPopplerDocument *);
    NianbaoPopplerPage *(* _Nonnull document_get_page)(NianbaoPopplerDocument *, int);
    void (* _Nonnull page_get_size)(NianbaoPopplerPage *, double *, double *);
    char *(* _Nonnull page_get_text)(NianbaoPopplerPage *);
    int (* _Nonnull page_get_text_layout)(NianbaoPopplerPage *, NianbaoPopplerRectangle **, unsigned int *);
    void (* _Nonnull free)(void *);
    void *(* _Nonnull page_get_image_mapping)(NianbaoPopplerPage *);
    unsigned int (* _Nonnull list_length)(void *);
    void (* _Nonnull page_free_image_mapping)(void *);
    unsigned int (* _Nonnull log_set_handler)(const char *, int, void (*)(const char *, int, const char *, void *), void *);
} NianbaoPoppler;

static void nianbao_poppler_ignore_log(const char *domain, int level, const char *message, void *data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// Opens poppler-glib and finds every function, or returns NULL when the library or one of them is
/// missing. Not thread-safe: call it once, from one place. poppler reports what it repairs in a
/// damaged file as GLib warnings; the reader reports the file's state itself, so they are silenced.
static inline const NianbaoPoppler *nianbao_poppler_open(void) {
    static NianbaoPoppler api;
    void *library = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return NULL;
    void **slots[] = {
        (void **)&api.get_version, (void **)&api.bytes_new, (void **)&api.bytes_unref,
        (void **)&api.document_new_from_bytes, (void **)&api.error_free, (void **)&api.object_unref,
        (void **)&api.document_get_n_pages, (void **)&api.document_get_page, (void **)&api.page_get_size,
        (void **)&api.page_get_text, (void **)&api.page_get_text_layout, (void **)&api.free,
        (void **)&api.page_get_image_mapping, (void **)&api.list_length, (void **)&api.page_free_image_mapping,
        (void **)&api.log_set_handler,
    };
    const char *names[] = {
        "poppler_get_version", "g_bytes_new", "g_bytes_unref",
        "poppler_document_new_from_bytes", "g_error_free", "g_object_unref",
        "poppler_document_get_n_pages", "poppler_document_get_page", "poppler_page_get_size",
        "poppler_page_get_text", "poppler_page_get_text_layout", "g_free",
        "poppler_page_get_image_mapping", "g_list_length", "poppler_page_free_image_mapping",
        "g_log_set_handler",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        // dlsym on the library's handle also searches what it depends on, where GLib's functions are.
        *slots[i] = dlsym(library, names[i]);
        if (!*slots[i]) return NULL;
    }
    // G_LOG_LEVEL_MASK: every level, without the recursion and fatal flags.
    api.log_set_handler("Poppler", ~3, nianbao_poppler_ignore_log, NULL);
    return &api;
}

#endif
