/* The seven prefecture-level cities (SPEC §1) under one spelling. The
 * classifier names places as the region list does (拉萨市, 阿里地区); the
 * hotline, the accounts' scopes, the routes and the reports use the short
 * names (拉萨, 阿里). Cases store the short name, so a scope or a route
 * matches a case whichever way it came in. */
#ifndef WA_PREFECTURE_H
#define WA_PREFECTURE_H

/* The short name of one of the seven written long or short ("拉萨市" and
 * "拉萨" → "拉萨"); name itself when it is none of them; NULL for NULL. */
const char *wa_prefecture_short(const char *name);

#endif
