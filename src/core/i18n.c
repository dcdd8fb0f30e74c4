#include "lmskurs/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/paths_gen.h"

/* gettext picks the language from LANGUAGE first, so setting it is how we
 * make bokmål the default and let the config override the environment. */
static const char *pick_language(const char *lang)
{
	if (lang && *lang)
		return lang;
	const char *env = getenv("LANGUAGE");
	if (env && *env)
		return NULL;
	const char *msgs = getenv("LC_ALL");
	if (!msgs || !*msgs)
		msgs = getenv("LC_MESSAGES");
	if (!msgs || !*msgs)
		msgs = getenv("LANG");
	if (msgs && strncmp(msgs, "en", 2) == 0)
		return "en";
	return "nb";
}

/* Where the catalogues are: $LMSKURS_LOCALEDIR, else the installed folder,
 * else build/locale beside an uninstalled binary (build/lmskurs), so
 * ./build/lmskurs speaks Norwegian without being installed. */
static const char *find_localedir(char *buf, size_t size)
{
	const char *dir = getenv("LMSKURS_LOCALEDIR");
	if (dir && *dir)
		return dir;
	if (access(LK_LOCALEDIR "/nb/LC_MESSAGES/lmskurs.mo", R_OK) == 0)
		return LK_LOCALEDIR;
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash || (size_t)(slash - buf) + sizeof "/locale" > size)
		return LK_LOCALEDIR;
	memcpy(slash, "/locale", sizeof "/locale");
	return buf;
}

void i18n_init(const char *lang, const char *localedir)
{
	setlocale(LC_ALL, "");
	/* Text is UTF-8 everywhere; without a UTF-8 locale (C/POSIX) ncursesw
	 * and wcwidth would mangle æøå, so fall back to C.UTF-8. */
	const char *cs = setlocale(LC_CTYPE, NULL);
	if (!cs || (!strstr(cs, "UTF-8") && !strstr(cs, "utf8")))
		setlocale(LC_CTYPE, "C.UTF-8");
	const char *pick = pick_language(lang);
	if (pick)
		setenv("LANGUAGE", pick, 1);
	/* gettext ignores LANGUAGE under the C locale. */
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	if (!msgs || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	char buf[4096];
	bindtextdomain("lmskurs", localedir ? localedir : find_localedir(buf, sizeof buf));
	bind_textdomain_codeset("lmskurs", "UTF-8");
	textdomain("lmskurs");
}
