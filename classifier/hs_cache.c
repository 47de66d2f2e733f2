#include "hs_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
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
    int fd = open(path.data, O_RDONLY | O_CLOEXEC);
    wa_buf_free(&path);
    if (fd < 0)
        return NULL;
    /* Mapped, not read: the database is copied once, by the deserialiser,
     * straight from the page cache (a large dictionary's cache is megabytes,
     * and a start is timed in milliseconds). */
    struct stat st;
    void *map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 8)
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    /* marked as used: pruning removes the files unused longest first */
    (void)futimens(fd, NULL);
    close(fd);
    if (map == MAP_FAILED)
        return NULL;
    const char *data = map;
    size_t len = (size_t)st.st_size;
    hs_database_t *db = NULL;
    if (memcmp(data, magic, 4) == 0) {
        const unsigned char *h = (const unsigned char *)data + 4;
        size_t nlen = (size_t)h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24;
        if (nlen <= len - 8 && len - 8 - nlen > 0) {
            int ok = 1;
            if (note) {
                note->len = 0;
                ok = wa_buf_append(note, data + 8, nlen) == 0;
            }
            if (ok && hs_deserialize_database(data + 8 + nlen, len - 8 - nlen, &db) != HS_SUCCESS)
                db = NULL;
        }
    }
    munmap(map, len);
    return db;
}

hs_database_t *wa_cache_load(const char *dir, const char *name)
{
    return wa_cache_load_noted(dir, name, NULL);
}

typedef struct {
    char *name;
    time_t used;
    off_t size;
} cache_file;

static int by_use(const void *a, const void *b)
{
    const cache_file *x = a, *y = b;
    return (x->used > y->used) - (x->used < y->used);
}

/* Keep the folder under WA_CACHE_MAX_BYTES: every edit of a dictionary
 * compiles new databases under new names, and the old ones would pile up
 * forever. The files used longest ago go first; a file used in the last
 * WA_CACHE_KEEP_S seconds stays (another process may be loading it; it could
 * do so from an unlinked file anyway, and a missing one is only recompiled).
 * Temporary files a crashed writer left are removed after the same time. */
void wa_cache_prune(const char *dir, unsigned long long max_bytes)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    cache_file *files = NULL;
    size_t n = 0, cap = 0;
    unsigned long long total = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        size_t len = strlen(e->d_name);
        int db = len > 5 && e->d_name[0] != '.' && strcmp(e->d_name + len - 5, ".hsdb") == 0;
        int tmp = len > 4 && e->d_name[0] == '.' && strcmp(e->d_name + len - 4, ".tmp") == 0;
        struct stat st;
        if ((!db && !tmp) || fstatat(dirfd(dh), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (tmp) {
            if (now - st.st_mtime > WA_CACHE_KEEP_S)
                (void)unlinkat(dirfd(dh), e->d_name, 0);
            continue;
        }
        total += (unsigned long long)st.st_size;
        if (n == cap) {
            size_t ncap = cap ? 2 * cap : 64;
            cache_file *nf = realloc(files, ncap * sizeof *nf);
            if (!nf)
                break;
            files = nf;
            cap = ncap;
        }
        files[n].name = strdup(e->d_name);
        if (!files[n].name)
            break;
        files[n].used = st.st_mtime;
        files[n].size = st.st_size;
        n++;
    }
    if (total > max_bytes && n > 0) {
        qsort(files, n, sizeof *files, by_use);
        for (size_t i = 0; i < n && total > max_bytes; i++) {
            if (now - files[i].used <= WA_CACHE_KEEP_S)
                break; /* sorted: every later one is as recent */
            if (unlinkat(dirfd(dh), files[i].name, 0) == 0)
                total -= (unsigned long long)files[i].size;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(files[i].name);
    free(files);
    closedir(dh);
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
            else
                wa_cache_prune(dir, WA_CACHE_MAX_BYTES);
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
