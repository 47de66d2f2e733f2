#include "hs_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/buf.h"

char *wa_cache_dir(const char *configured)
{
    wa_buf b;
    wa_buf_init(&b);
    const char *env = getenv("WA_CACHE_DIR");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int rc;
    if (configured)
        rc = wa_buf_append_str(&b, configured);
    else if (env && *env)
        rc = wa_buf_append_str(&b, env);
    else if (xdg && *xdg)
        rc = wa_buf_printf(&b, "%s/wa-watch", xdg);
    else if (home && *home)
        rc = wa_buf_printf(&b, "%s/.cache/wa-watch", home);
    else
        return NULL;
    if (rc != 0) {
        wa_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* mkdir -p for the cache folder. */
static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int rc = (mkdir(p, 0755) != 0 && errno != EEXIST) ? -1 : 0;
    free(p);
    return rc;
}

/* A cache file: the magic "WAC1", a 4-byte little-endian note length, the
 * note (what the caller needs to know about the database, e.g. which
 * patterns it left out), then the serialised database. */
static const char magic[4] = {'W', 'A', 'C', '1'};

hs_database_t *wa_cache_load_noted(const char *dir, const char *name, wa_buf *note)
{
    if (!dir)
        return NULL;
    wa_buf path;
    wa_buf_init(&path);
    if (wa_buf_printf(&path, "%s/%s", dir, name) != 0)
        return NULL;
    FILE *f = fopen(path.data, "rb");
    wa_buf_free(&path);
    if (!f)
        return NULL;
    wa_buf data;
    wa_buf_init(&data);
    char chunk[65536];
    size_t n;
    int ok = 1;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (wa_buf_append(&data, chunk, n) != 0) {
            ok = 0;
            break;
        }
    if (ferror(f))
        ok = 0;
    fclose(f);
    hs_database_t *db = NULL;
    if (ok && data.len >= 8 && memcmp(data.data, magic, 4) == 0) {
        const unsigned char *h = (const unsigned char *)data.data + 4;
        size_t nlen = (size_t)h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24;
        if (nlen <= data.len - 8 && data.len - 8 - nlen > 0) {
            if (note) {
                note->len = 0;
                ok = wa_buf_append(note, data.data + 8, nlen) == 0;
            }
            if (ok && hs_deserialize_database(data.data + 8 + nlen, data.len - 8 - nlen, &db) != HS_SUCCESS)
                db = NULL;
        }
    }
    wa_buf_free(&data);
    return db;
}

hs_database_t *wa_cache_load(const char *dir, const char *name)
{
    return wa_cache_load_noted(dir, name, NULL);
}

void wa_cache_store_noted(const char *dir, const char *name, const hs_database_t *db, const void *note,
                          size_t note_len)
{
    if (!dir || note_len > 0xFFFFFFFFu || make_dirs(dir) != 0)
        return;
    char *bytes = NULL;
    size_t len = 0;
    if (hs_serialize_database(db, &bytes, &len) != HS_SUCCESS)
        return;
    unsigned char head[8];
    memcpy(head, magic, 4);
    for (int i = 0; i < 4; i++)
        head[4 + i] = (unsigned char)(note_len >> (8 * i));
    wa_buf tmp, path;
    wa_buf_init(&tmp);
    wa_buf_init(&path);
    if (wa_buf_printf(&tmp, "%s/.%s.%ld.tmp", dir, name, (long)getpid()) == 0 &&
        wa_buf_printf(&path, "%s/%s", dir, name) == 0) {
        FILE *f = fopen(tmp.data, "wb");
        if (f) {
            int ok = fwrite(head, 1, sizeof head, f) == sizeof head;
            ok = ok && (note_len == 0 || fwrite(note, 1, note_len, f) == note_len);
            ok = ok && fwrite(bytes, 1, len, f) == len;
            ok = (fclose(f) == 0) && ok;
            if (!ok || rename(tmp.data, path.data) != 0)
                unlink(tmp.data);
        }
    }
    wa_buf_free(&tmp);
    wa_buf_free(&path);
    free(bytes);
}

void wa_cache_store(const char *dir, const char *name, const hs_database_t *db)
{
    wa_cache_store_noted(dir, name, db, NULL, 0);
}
