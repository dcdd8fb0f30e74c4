/*
 * i18n.h — gettext glue. English msgids; Norwegian bokmål (po/nb.po) is the
 * default language, chosen in i18n_init().
 */
#ifndef LMSKURS_I18N_H
#define LMSKURS_I18N_H

#include <libintl.h>

/* gettext("") returns the catalogue's header, never what a caller wants:
 * an empty label stays empty. */
static inline char *lk_gettext(const char *s)
{
	return s && *s ? gettext(s) : (char *)s;
}

#define _(s) lk_gettext(s)
#define N_(s) (s)

/* Binds the text domain. lang is "nb", "en" or NULL (environment, else nb).
 * localedir is where lmskurs.mo files live (NULL: the build-time default). */
void i18n_init(const char *lang, const char *localedir);

#endif
