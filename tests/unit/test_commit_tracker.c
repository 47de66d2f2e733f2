/* Commit after acknowledgement (kafka/commit_tracker.h): an offset becomes
 * committable only when its message and every earlier one of the partition
 * are finished, whatever order the acknowledgements arrive in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "../../kafka/commit_tracker.h"

static int64_t take(wa_commit_tracker *t, int32_t p)
{
    int64_t next = -99;
    return wa_commit_tracker_take(t, p, &next) ? next : -99;
}

static void messages_without_output_commit_at_once(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    assert_non_null(t);
    uint64_t k;
    for (int64_t off = 10; off < 13; off++) {
        assert_int_equal(wa_commit_tracker_add(t, 0, off, &k), 0);
        wa_commit_tracker_release(t, k);
    }
    assert_int_equal(take(t, 0), 13);
    assert_int_equal(take(t, 0), -99); /* nothing new */
    assert_int_equal(wa_commit_tracker_in_flight(t), 0);
    wa_commit_tracker_free(t);
}

static void out_of_order_acks(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    uint64_t a, b, c;
    /* a has one output, b two, c none */
    assert_int_equal(wa_commit_tracker_add(t, 3, 100, &a), 0);
    wa_commit_tracker_hold(t, a);
    wa_commit_tracker_release(t, a);
    assert_int_equal(wa_commit_tracker_add(t, 3, 101, &b), 0);
    wa_commit_tracker_hold(t, b);
    wa_commit_tracker_hold(t, b);
    wa_commit_tracker_release(t, b);
    assert_int_equal(wa_commit_tracker_add(t, 3, 102, &c), 0);
    wa_commit_tracker_release(t, c);
    assert_int_equal(wa_commit_tracker_moved(t), 0);
    assert_int_equal(wa_commit_tracker_in_flight(t), 3);

    wa_commit_tracker_release(t, b); /* b's first ack: b still waits */
    wa_commit_tracker_release(t, b); /* b done, but a is not */
    assert_int_equal(take(t, 3), -99);
    wa_commit_tracker_release(t, a); /* a done: a, b, c all committable */
    assert_int_equal(take(t, 3), 103);
    assert_int_equal(wa_commit_tracker_in_flight(t), 0);
    wa_commit_tracker_free(t);
}

static void partitions_are_independent(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    uint64_t p0, p1;
    assert_int_equal(wa_commit_tracker_add(t, 0, 5, &p0), 0);
    wa_commit_tracker_hold(t, p0);
    wa_commit_tracker_release(t, p0);
    assert_int_equal(wa_commit_tracker_add(t, 1, 7, &p1), 0);
    wa_commit_tracker_release(t, p1);
    assert_int_equal(take(t, 1), 8);
    assert_int_equal(take(t, 0), -99);
    assert_int_equal(wa_commit_tracker_partitions(t), 2);
    wa_commit_tracker_free(t);
}

static void forgotten_partition_ignores_stale_acks(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    uint64_t old, fresh;
    assert_int_equal(wa_commit_tracker_add(t, 2, 50, &old), 0);
    wa_commit_tracker_hold(t, old);
    wa_commit_tracker_release(t, old);
    wa_commit_tracker_forget(t, 2); /* revoked while old's output was in flight */
    assert_int_equal(wa_commit_tracker_in_flight(t), 0);
    assert_int_equal(wa_commit_tracker_add(t, 2, 60, &fresh), 0);
    wa_commit_tracker_hold(t, fresh);
    wa_commit_tracker_release(t, fresh);
    wa_commit_tracker_release(t, old); /* stale: must not finish fresh */
    assert_int_equal(take(t, 2), -99);
    wa_commit_tracker_release(t, fresh);
    assert_int_equal(take(t, 2), 61);
    wa_commit_tracker_free(t);
}

static void many_in_flight_grow_the_ring(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    enum { N = 10000 };
    uint64_t *k = malloc(N * sizeof *k);
    assert_non_null(k);
    for (int i = 0; i < N; i++) {
        assert_int_equal(wa_commit_tracker_add(t, 0, i, &k[i]), 0);
        wa_commit_tracker_hold(t, k[i]);
        wa_commit_tracker_release(t, k[i]);
    }
    /* acknowledge from the back: nothing moves until the first */
    for (int i = N - 1; i >= 1; i--)
        wa_commit_tracker_release(t, k[i]);
    assert_int_equal(take(t, 0), -99);
    wa_commit_tracker_release(t, k[0]);
    assert_int_equal(take(t, 0), N);
    free(k);
    wa_commit_tracker_free(t);
}

static void bad_partition_refused(void **state)
{
    (void)state;
    wa_commit_tracker *t = wa_commit_tracker_new();
    uint64_t k;
    assert_int_equal(wa_commit_tracker_add(t, -1, 0, &k), -1);
    assert_int_equal(wa_commit_tracker_add(t, WA_TRACKER_MAX_PARTITIONS, 0, &k), -1);
    wa_commit_tracker_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(messages_without_output_commit_at_once),
        cmocka_unit_test(out_of_order_acks),
        cmocka_unit_test(partitions_are_independent),
        cmocka_unit_test(forgotten_partition_ignores_stale_acks),
        cmocka_unit_test(many_in_flight_grow_the_ring),
        cmocka_unit_test(bad_partition_refused),
    };
    return cmocka_run_group_tests_name("test_commit_tracker", tests, NULL, NULL);
}
