/* The floor for reading a DOCX: libzip opens each package, one xmlTextReader pass touches every
 * node of the parts nianbao reads (document, styles, numbering, core properties), and the file
 * gets a SHA-256. Nothing is interpreted. Scripts/bench builds and runs it beside nianbao.
 * Usage: floor FILE...   prints the number of nodes seen, so that the work cannot be skipped. */
#include <libxml/xmlreader.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

static long walk(const char *bytes, zip_uint64_t size) {
    long nodes = 0;
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, (int)size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!reader) return 0;
    while (xmlTextReaderRead(reader) == 1) {
        nodes += xmlTextReaderConstLocalName(reader) != NULL;
        nodes += xmlTextReaderConstValue(reader) != NULL;
    }
    xmlFreeTextReader(reader);
    return nodes;
}

int main(int argc, char **argv) {
    static const char *parts[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"};
    long total = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *data = malloc(size > 0 ? size : 1);
        if (fread(data, 1, size, f) != (size_t)size) size = 0;
        fclose(f);
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_Digest(data, size, digest, &length, EVP_sha256(), NULL);
        total += digest[0];
        zip_error_t error;
        zip_source_t *source = zip_source_buffer_create(data, size, 0, &error);
        zip_t *archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : NULL;
        for (int p = 0; archive && p < 4; p++) {
            zip_stat_t stat;
            if (zip_stat(archive, parts[p], ZIP_FL_NOCASE, &stat) != 0) continue;
            zip_file_t *file = zip_fopen(archive, parts[p], ZIP_FL_NOCASE);
            if (!file) continue;
            char *xml = malloc(stat.size + 1);
            zip_int64_t got = zip_fread(file, xml, stat.size);
            zip_fclose(file);
            if (got > 0) total += walk(xml, (zip_uint64_t)got);
            free(xml);
        }
        if (archive) zip_discard(archive); else if (source) zip_source_free(source);
        free(data);
    }
    printf("%ld\n", total);
    return 0;
}
