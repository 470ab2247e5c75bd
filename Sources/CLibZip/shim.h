// libzip, opened when a DOCX is read or a workbook written, instead of linked: linked, it and what it
// needs (libcrypto, libbz2, libz) were loaded and bound at every start of nianbao, which cost a text
// convert more than reading its input. zip.h gives the types and constants; the functions are taken
// from the library through one table.
#ifndef NIANBAO_ZIP_SHIM_H
#define NIANBAO_ZIP_SHIM_H

#include <dlfcn.h>
#include <stddef.h>
#include <zip.h>

/// The libzip functions nianbao uses, as found in the library.
typedef struct {
    __typeof__(&zip_close) close;
    __typeof__(&zip_discard) discard;
    __typeof__(&zip_error_fini) error_fini;
    __typeof__(&zip_error_init) error_init;
    __typeof__(&zip_error_init_with_code) error_init_with_code;
    __typeof__(&zip_error_strerror) error_strerror;
    __typeof__(&zip_fclose) fclose;
    __typeof__(&zip_fdopen) fdopen;
    __typeof__(&zip_file_add) file_add;
    __typeof__(&zip_file_set_mtime) file_set_mtime;
    __typeof__(&zip_file_strerror) file_strerror;
    __typeof__(&zip_fopen_index) fopen_index;
    __typeof__(&zip_fread) fread;
    __typeof__(&zip_get_name) get_name;
    __typeof__(&zip_get_num_entries) get_num_entries;
    __typeof__(&zip_libzip_version) libzip_version;
    __typeof__(&zip_name_locate) name_locate;
    __typeof__(&zip_open_from_source) open_from_source;
    __typeof__(&zip_source_buffer) source_buffer;
    __typeof__(&zip_source_buffer_create) source_buffer_create;
    __typeof__(&zip_source_close) source_close;
    __typeof__(&zip_source_file) source_file;
    __typeof__(&zip_source_free) source_free;
    __typeof__(&zip_source_keep) source_keep;
    __typeof__(&zip_source_open) source_open;
    __typeof__(&zip_source_read) source_read;
    __typeof__(&zip_stat_index) stat_index;
    __typeof__(&zip_stat_init) stat_init;
    __typeof__(&zip_strerror) strerror;
} NianbaoZip;

/// Opens libzip and finds every function; NULL when the library or one of them is missing. Each
/// Swift module that imports this has its own copy: call it once per module (a `static let`).
static inline const NianbaoZip *nianbao_zip_open(void) {
    static NianbaoZip api;
    void *library = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libzip.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) return NULL;
#define NIANBAO_ZIP_FIND(field, name) if (!(*(void **)&api.field = dlsym(library, #name))) return NULL;
    NIANBAO_ZIP_FIND(close, zip_close)
    NIANBAO_ZIP_FIND(discard, zip_discard)
    NIANBAO_ZIP_FIND(error_fini, zip_error_fini)
    NIANBAO_ZIP_FIND(error_init, zip_error_init)
    NIANBAO_ZIP_FIND(error_init_with_code, zip_error_init_with_code)
    NIANBAO_ZIP_FIND(error_strerror, zip_error_strerror)
    NIANBAO_ZIP_FIND(fclose, zip_fclose)
    NIANBAO_ZIP_FIND(fdopen, zip_fdopen)
    NIANBAO_ZIP_FIND(file_add, zip_file_add)
    NIANBAO_ZIP_FIND(file_set_mtime, zip_file_set_mtime)
    NIANBAO_ZIP_FIND(file_strerror, zip_file_strerror)
    NIANBAO_ZIP_FIND(fopen_index, zip_fopen_index)
    NIANBAO_ZIP_FIND(fread, zip_fread)
    NIANBAO_ZIP_FIND(get_name, zip_get_name)
    NIANBAO_ZIP_FIND(get_num_entries, zip_get_num_entries)
    NIANBAO_ZIP_FIND(libzip_version, zip_libzip_version)
    NIANBAO_ZIP_FIND(name_locate, zip_name_locate)
    NIANBAO_ZIP_FIND(open_from_source, zip_open_from_source)
    NIANBAO_ZIP_FIND(source_buffer, zip_source_buffer)
    NIANBAO_ZIP_FIND(source_buffer_create, zip_source_buffer_create)
    NIANBAO_ZIP_FIND(source_close, zip_source_close)
    NIANBAO_ZIP_FIND(source_file, zip_source_file)
    NIANBAO_ZIP_FIND(source_free, zip_source_free)
    NIANBAO_ZIP_FIND(source_keep, zip_source_keep)
    NIANBAO_ZIP_FIND(source_open, zip_source_open)
    NIANBAO_ZIP_FIND(source_read, zip_source_read)
    NIANBAO_ZIP_FIND(stat_index, zip_stat_index)
    NIANBAO_ZIP_FIND(stat_init, zip_stat_init)
    NIANBAO_ZIP_FIND(strerror, zip_strerror)
#undef NIANBAO_ZIP_FIND
    return &api;
}

#endif
