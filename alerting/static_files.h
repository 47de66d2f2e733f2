/* The dashboard's files, served by wa-alertd with no session (the login page
 * is one of them; the data all come from the API, which checks the session).
 *
 *   GET /                       DASHBOARD_DIR/index.html
 *   GET /static/PATH            DASHBOARD_DIR/PATH   (the dashboard folder is the root of /static/)
 *   GET /static/fonts/tibetan.ttf   the Tibetan font file alerting.tibetan_font
 *                               (Debian's fonts-tibetan-machine by default)
 * DASHBOARD_DIR is alerting.dashboard_dir or --dashboard (default alerting/dashboard of
 * the working directory). HEAD is answered like GET.
 *
 * Refused with 404: a path with a ".." or "." segment, a segment starting with
 * ".", a backslash, a "%" left after the server's percent-decoding (so %2e%2e
 * encoded twice does not pass either), an empty segment, a path longer than
 * 512 bytes, a file that is not a regular file or whose real path leaves the
 * folder (a symbolic link out of it), or a file type not in the list: html, js,
 * css, svg, png, woff2, ttf, json, ico, txt.
 *
 * Headers: the type with charset for text; the strict policy
 *   default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;
 *   connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none';
 *   form-action 'self'
 * with nosniff, X-Frame-Options DENY and no referrer; Cache-Control "no-cache"
 * for html and json (always revalidated, so a new release shows at once),
 * "public, max-age=3600" for scripts, styles and images, a day for fonts;
 * Last-Modified. */
#ifndef WA_STATIC_FILES_H
#define WA_STATIC_FILES_H

#include <microhttpd.h>

#define WA_STATIC_MAX_PATH 512

/* 1 when url is one the static server answers (/, /index.html, /static/...). */
int wa_static_owns(const char *url);
enum MHD_Result wa_static_handle(struct MHD_Connection *conn, const char *url, const char *method, const char *dir,
                                 const char *font_path);

#endif
