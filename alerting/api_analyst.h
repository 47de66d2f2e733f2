/* The analyst's endpoints (SPEC §3.1 analyst tools, §3.3 analyst page),
 * on the classifier library linked into wa-alertd and the dictionary folder
 * alerting.dict_dir (default dict/ of the working directory). The dictionary
 * is loaded at the first request that needs it.
 *
 *   POST /api/explain   {"text": "...", "title": "..." (optional)}, body up to 64 KiB
 *        → {"hit": bool, "score", "level" (null when not a hit), "lang",
 *           "spans": [{"field": "text"|"title", "start", "end", "start_char", "end_char",
 *                      "start_u16", "end_u16", "term", "group", "weight", "source", "pattern"}],
 *           "cancelled": [spans cancelled by a negation, same form],
 *           "rules": [{"name", "detail"}], "entities": {"company", "workers", "months",
 *           "amount_yuan"}, "region": {"prefecture", "county"}, "dict_version"}
 *        start/end are UTF-8 byte offsets into the field as sent; start_char/end_char
 *        code points; start_u16/end_u16 UTF-16 units (JavaScript string indexes).
 *        Roles: analyst, admin, and cyberspace (its staff judge alerts and need to see
 *        why a text was one). Others 403.
 *   GET  /api/dict      → {"dict_version", "terms", "patterns", "groups": [{"name", "role",
 *                          "terms"}], "files", "dir", "loaded_at"}   (same roles)
 *   POST /api/dict/reload  reloads the folder → 200 {"dict_version", "previous", "terms"};
 *        a dictionary with problems → 422 {"error", "problems": ["file:line: ..."],
 *        "dict_version"} and the old one stays in force. Roles: analyst, admin.
 * 503 when the dictionary cannot be loaded at all (problems listed).
 * The API serves one request at a time on its ledger connection; a reload
 * (a few seconds with a cold compile cache) holds the other requests back. */
#ifndef WA_API_ANALYST_H
#define WA_API_ANALYST_H

#include "api_http.h"

#define WA_EXPLAIN_MAX_BODY (64 * 1024)

typedef struct wa_analyst wa_analyst;

wa_analyst *wa_analyst_new(const char *dict_dir);
void wa_analyst_free(wa_analyst *a);

enum MHD_Result wa_api_explain(wa_analyst *a, const wa_api_req *rq);
enum MHD_Result wa_api_dict(wa_analyst *a, const wa_api_req *rq);
enum MHD_Result wa_api_dict_reload(wa_analyst *a, const wa_api_req *rq);

#endif
