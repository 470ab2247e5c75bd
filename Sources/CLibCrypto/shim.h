// libcrypto's SHA-256 through its low-level functions. EVP_Digest gives the same digest, but its first
// call initialises OpenSSL's provider machinery (configuration, name tables, algorithm fetch), which
// cost 5 M instructions, more than converting a short text report. The low-level functions, deprecated
// in OpenSSL 3 in favour of EVP yet kept, call the same assembly block function directly.
#ifndef NIANBAO_CRYPTO_SHIM_H
#define NIANBAO_CRYPTO_SHIM_H

#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

/// SHA-256 of `length` bytes at `bytes` into the 32 bytes at `digest`; 1 on success, 0 on failure.
static inline int nianbao_sha256(const void *bytes, size_t length, unsigned char *digest) {
    SHA256_CTX context;
    if (!SHA256_Init(&context)) return 0;
    if (length > 0 && !SHA256_Update(&context, bytes, length)) return 0;
    return SHA256_Final(digest, &context);
}

#endif
