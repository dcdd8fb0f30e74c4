#include "lmskurs/ui/keys.h"

#include <curses.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmskurs/ui/uitext.h"

static const lk_action_def actions[LK_ACT_COUNT] = {
#define LK_X_DEF(id, nm, grp, hnt, hlp, ...) \
	[LK_ACT_##id] = {.name = nm, .group = grp, .hint = hnt, .help = hlp, .keys = {__VA_ARGS__}},
	LK_ACTIONS(LK_X_DEF)
#undef LK_X_DEF
};

static const char *const group_labels[LK_GROUP_COUNT] = {
	[LK_GROUP_MOVE] = N_("Moving"),
	[LK_GROUP_VIEW] = N_("Screens"),
	[LK_GROUP_CHANGE] = N_("Changing"),
	[LK_GROUP_FORM] = N_("Forms"),
	[LK_GROUP_EDIT] = N_("Editing text"),
	[LK_GROUP_DIALOG] = N_("Questions"),
	[LK_GROUP_GLOBAL] = N_("Everywhere"),
};

const lk_action_def *keys_action(lk_action a)
{
	return a > LK_ACT_NONE && a < LK_ACT_COUNT ? &actions[a] : NULL;
}

const char *keys_group_label(lk_key_group g)
{
	return g < LK_GROUP_COUNT ? _(group_labels[g]) : "";
}

bool keys_is_text(lk_key key)
{
	return key >= 0x20 && key != LK_KEY_DEL && !(key >= 0x80 && key < 0xa0) &&
	       key <= 0x10ffff;
}

static bool action_has_key(lk_action a, lk_key key, bool text_entry)
{
	if (text_entry && keys_is_text(key))
		return false;
	for (int i = 0; i < LK_ACTION_KEYS_MAX && actions[a].keys[i]; i++)
		if (actions[a].keys[i] == key)
			return true;
	return false;
}

static bool offers(const lk_action *offered, lk_action a)
{
	if (actions[a].group == LK_GROUP_GLOBAL)
		return true;
	for (; offered && *offered; offered++)
		if (*offered == a)
			return true;
	return false;
}

lk_action keys_lookup(lk_key key, const lk_action *offered, bool text_entry)
{
	for (; offered && *offered; offered++)
		if (action_has_key(*offered, key, text_entry))
			return *offered;
	for (int a = 1; a < LK_ACT_COUNT; a++)
		if (actions[a].group == LK_GROUP_GLOBAL && action_has_key((lk_action)a, key, text_entry))
			return (lk_action)a;
	return LK_ACT_NONE;
}

static const struct {
	int code;
	const char *name;
} fn_names[] = {
	{KEY_UP, N_("Up")}, {KEY_DOWN, N_("Down")}, {KEY_LEFT, N_("Left")},
	{KEY_RIGHT, N_("Right")}, {KEY_PPAGE, N_("PgUp")}, {KEY_NPAGE, N_("PgDn")},
	{KEY_HOME, N_("Home")}, {KEY_END, N_("End")}, {KEY_BTAB, N_("Shift-Tab")},
	{KEY_DC, N_("Delete")}, {KEY_BACKSPACE, N_("Backspace")}, {KEY_ENTER, N_("Enter")},
};

static void fn_key_name(int code, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
		if (fn_names[i].code == code) {
			snprintf(buf, size, "%s", _(fn_names[i].name));
			return;
		}
	if (code >= KEY_F0 && code <= KEY_F(63))
		snprintf(buf, size, "F%d", code - KEY_F0);
	else
		snprintf(buf, size, _("key %d"), code);
}

static void char_key_name(lk_key key, char *buf, size_t size)
{
	switch (key) {
	case '\n': case '\r': snprintf(buf, size, "%s", _("Enter")); return;
	case LK_KEY_ESC: snprintf(buf, size, "%s", _("Esc")); return;
	case LK_KEY_TAB: snprintf(buf, size, "%s", _("Tab")); return;
	case LK_KEY_DEL: snprintf(buf, size, "%s", _("Backspace")); return;
	case ' ': snprintf(buf, size, "%s", _("Space")); return;
	}
	if (key < 0x20) {
		snprintf(buf, size, _("Ctrl-%c"), (char)(key + '@'));
		return;
	}
	char utf8[5];
	uitext_encode((uint32_t)key, utf8);
	snprintf(buf, size, "%s", utf8);
}

void keys_name(lk_key key, char *buf, size_t size)
{
	if (LK_IS_FN(key))
		fn_key_name(key - LK_FN_BASE, buf, size);
	else
		char_key_name(key, buf, size);
}

/* Appends name to buf unless it is already listed (Enter is '\n', '\r'
 * and KEY_ENTER; Backspace is DEL and KEY_BACKSPACE). */
static bool append_name(char *buf, size_t size, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = buf; (p = strstr(p, name)); p += n)
		if ((p == buf || p[-1] == ' ') && (p[n] == ',' || p[n] == 0))
			return false;
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
	return true;
}

int keys_names(lk_action a, bool text_entry, char *buf, size_t size)
{
	int n = 0;
	buf[0] = 0;
	const lk_action_def *d = keys_action(a);
	for (int i = 0; d && i < LK_ACTION_KEYS_MAX && d->keys[i]; i++) {
		if (text_entry && keys_is_text(d->keys[i]))
			continue;
		char name[32];
		keys_name(d->keys[i], name, sizeof name);
		n += append_name(buf, size, name);
	}
	return n;
}

static void help_group(const lk_action *offered, bool text_entry, lk_key_group g,
	const lk_help_sink *sink)
{
	bool headed = false;
	for (int a = 1; a < LK_ACT_COUNT; a++) {
		char names[96];
		if (actions[a].group != g || !offers(offered, (lk_action)a) ||
		    keys_names((lk_action)a, text_entry, names, sizeof names) == 0)
			continue;
		if (!headed)
			sink->heading(sink->arg, keys_group_label(g));
		headed = true;
		sink->entry(sink->arg, names, _(actions[a].help));
	}
}

void keys_help(const lk_action *offered, bool text_entry, const lk_help_sink *sink)
{
	for (int g = 0; g < LK_GROUP_COUNT; g++)
		help_group(offered, text_entry, (lk_key_group)g, sink);
}

/* The first key of a that means something here, or 0. */
static lk_key first_key(lk_action a, bool text_entry)
{
	for (int i = 0; i < LK_ACTION_KEYS_MAX && actions[a].keys[i]; i++)
		if (!(text_entry && keys_is_text(actions[a].keys[i])))
			return actions[a].keys[i];
	return 0;
}

static void hint_append(char *buf, size_t size, lk_action a, bool text_entry)
{
	lk_key k = first_key(a, text_entry);
	if (!k)
		return;
	char name[32];
	keys_name(k, name, sizeof name);
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s %s", len ? "  " : "", name, _(actions[a].hint));
}

char *keys_hint_line(const lk_action *hints, bool text_entry, bool with_help)
{
	enum { HINT_MAX = 1024 };
	char *buf = malloc(HINT_MAX);
	if (!buf)
		return NULL;
	buf[0] = 0;
	for (; hints && *hints; hints++)
		hint_append(buf, HINT_MAX, *hints, text_entry);
	if (with_help)
		hint_append(buf, HINT_MAX, LK_ACT_HELP, text_entry);
	return buf;
}

lk_key keys_clash(const lk_action *offered, bool text_entry, lk_action *a, lk_action *b)
{
	for (int i = 1; i < LK_ACT_COUNT; i++) {
		if (!offers(offered, (lk_action)i))
			continue;
		for (int k = 0; k < LK_ACTION_KEYS_MAX && actions[i].keys[k]; k++) {
			lk_key key = actions[i].keys[k];
			for (int j = i + 1; j < LK_ACT_COUNT; j++)
				if (offers(offered, (lk_action)j) && action_has_key((lk_action)j, key, text_entry) &&
				    !(text_entry && keys_is_text(key))) {
					*a = (lk_action)i;
					*b = (lk_action)j;
					return key;
				}
		}
	}
	return 0;
}
