/* Reloading the dictionary of a running stage (SPEC §3.1): when its files
 * change, or on request (SIGHUP), a background thread loads the new
 * dictionary beside the old one and swaps it in (wa_classifier_reload); a
 * dictionary with any problem is refused, every problem is logged, and the
 * old one stays in force. The stage keeps classifying meanwhile; it picks
 * up the new dictionary between two messages, so no message is dropped or
 * classified twice because of a reload.
 *
 * Changes are found by polling: every interval the folder is walked and a
 * fingerprint of every file's name, size, inode and times is taken (hidden
 * files and editor backups "~" are skipped). A change is acted on once the
 * fingerprint has held still for one interval, so a file caught half-way
 * through being saved is not loaded. Polling a dozen files once a second
 * costs nothing and works where inotify does not (network file systems,
 * files replaced by rename, folders replaced by a symlink switch). */
#ifndef WA_DICT_WATCH_H
#define WA_DICT_WATCH_H

#include <stdint.h>

#include "../classifier.h"

typedef struct wa_dict_watch wa_dict_watch;

/* Start watching dir (the folder c was opened from). who prefixes log lines. */
wa_dict_watch *wa_dict_watch_start(wa_classifier *c, const char *dir, int interval_ms, const char *who);
/* Ask for a reload now (the stage calls it when SIGHUP arrived). */
void wa_dict_watch_request(wa_dict_watch *w);
/* Bumped after every successful reload: the stage re-acquires then. */
uint64_t wa_dict_watch_generation(const wa_dict_watch *w);
unsigned long wa_dict_watch_reloads(const wa_dict_watch *w);
unsigned long wa_dict_watch_failures(const wa_dict_watch *w);
void wa_dict_watch_stop(wa_dict_watch *w);

#endif
