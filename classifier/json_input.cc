#include "json_input.h"

#include <simdjson.h>

#include <cstdio>
#include <new>
#include <string>

struct wa_json_reader {
    simdjson::dom::parser parser;
    std::string id_digits;
};

extern "C" size_t wa_json_padding(void)
{
    return simdjson::SIMDJSON_PADDING;
}

extern "C" int wa_utf8_valid(const char *s, size_t len)
{
    return simdjson::validate_utf8(s, len) ? 1 : 0;
}

extern "C" wa_json_reader *wa_json_reader_new(void)
{
    return new (std::nothrow) wa_json_reader();
}

extern "C" void wa_json_reader_free(wa_json_reader *r)
{
    delete r;
}

static int fail(char *err, size_t cap, const char *msg)
{
    std::snprintf(err, cap, "%s", msg);
    return -1;
}

static int optional_string(simdjson::dom::object &obj, const char *key, const char **p, size_t *len, char *err,
                           size_t cap)
{
    simdjson::dom::element e;
    *p = nullptr;
    *len = 0;
    if (obj[key].get(e) != simdjson::SUCCESS || e.is_null())
        return 0;
    std::string_view sv;
    if (e.get(sv) != simdjson::SUCCESS) {
        std::snprintf(err, cap, "\"%s\" is not a string", key);
        return -1;
    }
    *p = sv.data();
    *len = sv.size();
    return 0;
}

extern "C" int wa_json_read_doc(wa_json_reader *r, const char *line, size_t len, size_t capacity, wa_json_doc *out,
                                char *err, size_t errcap)
{
    try {
        simdjson::dom::element root;
        bool copy = capacity < len + simdjson::SIMDJSON_PADDING;
        auto error = r->parser.parse(reinterpret_cast<const uint8_t *>(line), len, copy).get(root);
        if (error) {
            std::snprintf(err, errcap, "not valid JSON: %s", simdjson::error_message(error));
            return -1;
        }
        simdjson::dom::object obj;
        if (root.get(obj) != simdjson::SUCCESS)
            return fail(err, errcap, "not a JSON object");

        simdjson::dom::element id;
        if (obj["id"].get(id) != simdjson::SUCCESS || id.is_null())
            return fail(err, errcap, "missing \"id\"");
        std::string_view sv;
        if (id.get(sv) == simdjson::SUCCESS) {
            if (sv.empty())
                return fail(err, errcap, "empty \"id\"");
            out->id = sv.data();
            out->id_len = sv.size();
        } else if (id.is_int64() || id.is_uint64()) {
            r->id_digits = simdjson::to_string(id);
            out->id = r->id_digits.c_str();
            out->id_len = r->id_digits.size();
        } else {
            return fail(err, errcap, "\"id\" is neither a string nor an integer");
        }

        simdjson::dom::element text;
        if (obj["text"].get(text) != simdjson::SUCCESS || text.is_null())
            return fail(err, errcap, "missing \"text\"");
        if (text.get(sv) != simdjson::SUCCESS)
            return fail(err, errcap, "\"text\" is not a string");
        out->text = sv.data();
        out->text_len = sv.size();

        if (optional_string(obj, "title", &out->title, &out->title_len, err, errcap) != 0)
            return -1;
        if (optional_string(obj, "lang", &out->lang, &out->lang_len, err, errcap) != 0)
            out->lang = nullptr; /* a label we cannot read is no label */
        out->label = -1;
        simdjson::dom::element label;
        if (obj["label"].get(label) == simdjson::SUCCESS) {
            int64_t v;
            bool b;
            if (label.get(v) == simdjson::SUCCESS)
                out->label = v != 0;
            else if (label.get(b) == simdjson::SUCCESS)
                out->label = b ? 1 : 0;
        }
        return 0;
    } catch (const std::bad_alloc &) {
        return fail(err, errcap, "out of memory parsing the line");
    }
}
