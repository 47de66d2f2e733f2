#include "demo_http.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "../../common/listen_addr.h"

static sigset_t stop_set(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

int demo_http_block_signals(const char *who)
{
    sigset_t set = stop_set();
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) {
        fprintf(stderr, "%s: cannot block signals\n", who);
        return -1;
    }
    return 0;
}

struct MHD_Daemon *demo_http_start(const char *who, const char *listen, MHD_AccessHandlerCallback handler,
                                   MHD_RequestCompletedCallback done, char *url, size_t cap, int *status)
{
    struct sockaddr_storage sa;
    int v6;
    char why[256];
    if (wa_listen_addr(listen, &sa, &v6, why, sizeof why) != 0) {
        fprintf(stderr, "%s: --listen: %s\n", who, why);
        *status = 2;
        return NULL;
    }
    *status = 1;
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL, handler, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_NOTIFY_COMPLETED, done, NULL,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "%s: cannot listen on %s: %s\n", who, listen, strerror(errno));
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    if (!info || info->port == 0 || wa_listen_url(&sa, info->port, url, cap) != 0) {
        fprintf(stderr, "%s: cannot learn the bound port\n", who);
        MHD_stop_daemon(d);
        return NULL;
    }
    *status = 0;
    return d;
}

int demo_http_wait(void)
{
    sigset_t set = stop_set();
    int sig = 0;
    if (sigwait(&set, &sig) != 0)
        return 0;
    return sig;
}
