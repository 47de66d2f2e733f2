#include "prefecture.h"

#include <string.h>

static const char *const shorts[] = {"拉萨", "日喀则", "昌都", "林芝", "山南", "那曲", "阿里", NULL};

const char *wa_prefecture_short(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; shorts[i]; i++) {
        size_t n = strlen(shorts[i]);
        if (strncmp(name, shorts[i], n) == 0 &&
            (name[n] == '\0' || strcmp(name + n, "市") == 0 || strcmp(name + n, "地区") == 0))
            return shorts[i];
    }
    return name;
}
