/*
 * ui/home.h — the first screen: the sections (Courses, Runs, This week,
 * People) with counts where the core can give them, and a welcome on an
 * empty database.
 */
#ifndef LMSKURS_UI_HOME_H
#define LMSKURS_UI_HOME_H

#include "lmskurs/ui/view.h"

extern const lk_view_ops home_view;

#endif
