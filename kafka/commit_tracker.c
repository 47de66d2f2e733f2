#include "commit_tracker.h"

#include <stdlib.h>
#include <string.h>

/* A ticket is (sequence << 16) | partition: sequences grow for ever within
 * a partition (also across forget), so a stale ticket is simply one below
 * the partition's head. 48 bits of sequence last for centuries of traffic. */
_Static_assert(sizeof(uintptr_t) >= 8, "tickets travel as 64-bit pointers");
#define PART_BITS 16
#define PART_MASK ((1u << PART_BITS) - 1)

typedef struct {
    int64_t offset;
    uint32_t holds;
} slot;

typedef struct {
    slot *ring;          /* capacity a power of two; slot of seq is seq & (cap - 1) */
    size_t cap;
    uint64_t head, tail; /* in-flight sequences are [head, tail) */
    int64_t next_commit; /* one past the last finished message, -1 when none */
    int moved;           /* next_commit changed since the last take */
} part;

struct wa_commit_tracker {
    part *parts;
    int32_t nparts;
    size_t in_flight;
    int moved;
};

wa_commit_tracker *wa_commit_tracker_new(void)
{
    return calloc(1, sizeof(wa_commit_tracker));
}

void wa_commit_tracker_free(wa_commit_tracker *t)
{
    if (!t)
        return;
    for (int32_t i = 0; i < t->nparts; i++)
        free(t->parts[i].ring);
    free(t->parts);
    free(t);
}

static part *get_part(wa_commit_tracker *t, int32_t p)
{
    if (p < 0 || p >= WA_TRACKER_MAX_PARTITIONS)
        return NULL;
    if (p >= t->nparts) {
        int32_t n = p + 1;
        part *np = realloc(t->parts, (size_t)n * sizeof *np);
        if (!np)
            return NULL;
        memset(np + t->nparts, 0, (size_t)(n - t->nparts) * sizeof *np);
        for (int32_t i = t->nparts; i < n; i++)
            np[i].next_commit = -1;
        t->parts = np;
        t->nparts = n;
    }
    return &t->parts[p];
}

static int grow(part *pp)
{
    size_t ncap = pp->cap ? pp->cap * 2 : 64;
    if (ncap > SIZE_MAX / sizeof(slot))
        return -1;
    slot *nr = malloc(ncap * sizeof *nr);
    if (!nr)
        return -1;
    for (uint64_t s = pp->head; s < pp->tail; s++)
        nr[s & (ncap - 1)] = pp->ring[s & (pp->cap - 1)];
    free(pp->ring);
    pp->ring = nr;
    pp->cap = ncap;
    return 0;
}

int wa_commit_tracker_add(wa_commit_tracker *t, int32_t partition, int64_t offset, uint64_t *ticket)
{
    part *pp = get_part(t, partition);
    if (!pp)
        return -1;
    if (pp->tail - pp->head == pp->cap && grow(pp) != 0)
        return -1;
    uint64_t seq = pp->tail++;
    pp->ring[seq & (pp->cap - 1)] = (slot){offset, 1};
    t->in_flight++;
    *ticket = (seq << PART_BITS) | (uint32_t)partition;
    return 0;
}

/* The slot of a live ticket, or NULL for one of a forgotten partition. */
static slot *find(wa_commit_tracker *t, uint64_t ticket, part **ppart)
{
    int32_t p = (int32_t)(ticket & PART_MASK);
    uint64_t seq = ticket >> PART_BITS;
    if (p >= t->nparts)
        return NULL;
    part *pp = &t->parts[p];
    if (seq < pp->head || seq >= pp->tail)
        return NULL;
    *ppart = pp;
    return &pp->ring[seq & (pp->cap - 1)];
}

void wa_commit_tracker_hold(wa_commit_tracker *t, uint64_t ticket)
{
    part *pp;
    slot *s = find(t, ticket, &pp);
    if (s)
        s->holds++;
}

void wa_commit_tracker_release(wa_commit_tracker *t, uint64_t ticket)
{
    part *pp;
    slot *s = find(t, ticket, &pp);
    if (!s || s->holds == 0)
        return;
    if (--s->holds != 0)
        return;
    /* Finished: advance over the finished prefix of the partition. */
    while (pp->head < pp->tail) {
        slot *h = &pp->ring[pp->head & (pp->cap - 1)];
        if (h->holds != 0)
            break;
        pp->next_commit = h->offset + 1;
        pp->head++;
        t->in_flight--;
        pp->moved = 1;
        t->moved = 1;
    }
}

int wa_commit_tracker_take(wa_commit_tracker *t, int32_t partition, int64_t *next_offset)
{
    if (partition < 0 || partition >= t->nparts)
        return 0;
    part *pp = &t->parts[partition];
    if (!pp->moved)
        return 0;
    pp->moved = 0;
    *next_offset = pp->next_commit;
    int any = 0;
    for (int32_t i = 0; i < t->nparts && !any; i++)
        any = t->parts[i].moved;
    t->moved = any;
    return 1;
}

int wa_commit_tracker_moved(const wa_commit_tracker *t)
{
    return t->moved;
}

int32_t wa_commit_tracker_partitions(const wa_commit_tracker *t)
{
    return t->nparts;
}

void wa_commit_tracker_forget(wa_commit_tracker *t, int32_t partition)
{
    if (partition < 0 || partition >= t->nparts)
        return;
    part *pp = &t->parts[partition];
    t->in_flight -= (size_t)(pp->tail - pp->head);
    pp->head = pp->tail;
    pp->next_commit = -1;
    pp->moved = 0;
}

size_t wa_commit_tracker_in_flight(const wa_commit_tracker *t)
{
    return t->in_flight;
}
