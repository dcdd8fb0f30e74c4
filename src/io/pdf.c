/* pdf.c — A4 pages, page sets with numbered footers, and tables, on cairo
 * and pango (see pdf.h).
 *
 * A set's pages are first drawn on cairo recording surfaces, since "page 1
 * of 3" needs the count before the first page is final; pdf_set_end then
 * replays each onto the PDF surface, which keeps text as text (so it can be
 * searched and copied), adds the footer and emits the page. */
#include "lmskurs/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lmskurs/i18n.h"
#include "lmskurs/text.h"

enum { PDF_MAX_COLS = 16 };

#define CONTENT_W (LK_PDF_PAGE_W - 2 * LK_PDF_MARGIN)
#define CONTENT_BOTTOM (LK_PDF_PAGE_H - LK_PDF_MARGIN_BOTTOM)
#define CELL_PAD 4.0
#define FIELD_LABEL_W 100.0
#define LINE_W 0.6
#define TICK_SIZE 11.0

struct lk_pdf {
	char *path, *tmp;          /* final name; temporary file beside it */
	FILE *fp;
	int io_errno;              /* first write error seen by the stream */
	cairo_surface_t *doc;      /* the PDF surface */
	cairo_t *doc_cr;
	PangoFontMap *fontmap;
	PangoContext *pctx;
	PangoFontDescription *font[LK_PDF_STYLE_COUNT];
	int total_pages;
	/* the open page set */
	bool in_set, in_header;
	cairo_surface_t **pages;
	int npages, cap;
	cairo_t *cr;               /* on the last of pages */
	double y;                  /* cursor from the top of the page */
	double body_top;           /* y below the header (and the table's header row) */
	lk_pdf_header_fn header;
	void *header_arg;
	char *footer;
	/* the open table */
	bool in_table;
	int ncols;
	lk_pdf_column cols[PDF_MAX_COLS];
	char *titles[PDF_MAX_COLS];
	double colw[PDF_MAX_COLS];
};

/* LeakSanitizer (make SAN=1) cannot follow fontconfig's patterns, which
 * point at their parts by offsets instead of pointers, so the fonts pango
 * caches for the life of the process look leaked at exit. This hook, read
 * by the sanitizer runtime when it is linked in and unused otherwise,
 * keeps those reports (and only allocations made inside fontconfig) out. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ... and without a summary of what was kept out on stderr, which would
 * pass for the program's own output. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

/* ---- the file ---- */

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	lk_pdf *pdf = closure;
	if (len && fwrite(data, 1, len, pdf->fp) != len) {
		if (!pdf->io_errno)
			pdf->io_errno = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A private temporary file in path's folder (mkstemp: 0600). */
static int open_tmp(lk_pdf *pdf, lk_err *err)
{
	const char *slash = strrchr(pdf->path, '/');
	int dirlen = slash ? (int)(slash - pdf->path) : 1;
	const char *dir = slash ? pdf->path : ".";
	if (slash && dirlen == 0)
		dirlen = 1, dir = "/";
	size_t n = (size_t)dirlen + 32;
	if (!(pdf->tmp = malloc(n)))
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	snprintf(pdf->tmp, n, "%.*s/.lmskurs-pdf-XXXXXX", dirlen, dir);
	int fd = mkstemp(pdf->tmp);
	if (fd < 0 || !(pdf->fp = fdopen(fd, "wb"))) {
		int e = errno;
		if (fd >= 0)
			close(fd), unlink(pdf->tmp);
		free(pdf->tmp);
		pdf->tmp = NULL;
		return lk_fail(err, LK_EIO, _("Cannot write %s: %s"), pdf->path, strerror(e));
	}
	return 0;
}

static void set_font(lk_pdf *pdf, lk_pdf_style st, double size, PangoWeight weight)
{
	PangoFontDescription *f = pango_font_description_from_string("DejaVu Sans");
	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	pango_font_description_set_weight(f, weight);
	pdf->font[st] = f;
}

/* Pango laid out in points, without hinting, as a PDF wants. */
static void setup_pango(lk_pdf *pdf)
{
	pdf->fontmap = g_object_ref(pango_cairo_font_map_get_default());
	pdf->pctx = pango_font_map_create_context(pdf->fontmap);
	pango_cairo_context_set_resolution(pdf->pctx, 72.0);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(pdf->pctx, fo);
	cairo_font_options_destroy(fo);
	set_font(pdf, LK_PDF_BODY, 10, PANGO_WEIGHT_NORMAL);
	set_font(pdf, LK_PDF_BOLD, 10, PANGO_WEIGHT_BOLD);
	set_font(pdf, LK_PDF_SMALL, 8, PANGO_WEIGHT_NORMAL);
	set_font(pdf, LK_PDF_TITLE, 16, PANGO_WEIGHT_BOLD);
}

static int setup_surface(lk_pdf *pdf, const char *title, lk_err *err)
{
	pdf->doc = cairo_pdf_surface_create_for_stream(write_cb, pdf, LK_PDF_PAGE_W, LK_PDF_PAGE_H);
	if (cairo_surface_status(pdf->doc) != CAIRO_STATUS_SUCCESS)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	if (title)
		cairo_pdf_surface_set_metadata(pdf->doc, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(pdf->doc, CAIRO_PDF_METADATA_CREATOR, "lmskurs");
	pdf->doc_cr = cairo_create(pdf->doc);
	return 0;
}

int pdf_create(const char *path, const char *title, lk_pdf **out, lk_err *err)
{
	*out = NULL;
	if (!path || !*path)
		return lk_fail(err, LK_EINVAL, "%s", _("The PDF needs a file name."));
	lk_pdf *pdf = calloc(1, sizeof *pdf);
	if (!pdf || !(pdf->path = strdup(path))) {
		free(pdf);
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	}
	if (open_tmp(pdf, err) < 0) {
		pdf_abort(pdf);
		return -1;
	}
	setup_pango(pdf);
	if (setup_surface(pdf, title, err) < 0) {
		pdf_abort(pdf);
		return -1;
	}
	*out = pdf;
	return 0;
}

static void drop_pages(lk_pdf *pdf)
{
	if (pdf->cr)
		cairo_destroy(pdf->cr);
	pdf->cr = NULL;
	for (int i = 0; i < pdf->npages; i++)
		cairo_surface_destroy(pdf->pages[i]);
	free(pdf->pages);
	pdf->pages = NULL;
	pdf->npages = pdf->cap = 0;
}

static void drop_table(lk_pdf *pdf)
{
	for (int i = 0; i < pdf->ncols; i++)
		free(pdf->titles[i]);
	pdf->ncols = 0;
	pdf->in_table = false;
}

/* Frees everything but the files. */
static void pdf_free(lk_pdf *pdf)
{
	drop_pages(pdf);
	drop_table(pdf);
	free(pdf->footer);
	if (pdf->doc_cr)
		cairo_destroy(pdf->doc_cr);
	if (pdf->doc)
		cairo_surface_destroy(pdf->doc);
	for (int i = 0; i < LK_PDF_STYLE_COUNT; i++)
		if (pdf->font[i])
			pango_font_description_free(pdf->font[i]);
	if (pdf->pctx)
		g_object_unref(pdf->pctx);
	if (pdf->fontmap)
		g_object_unref(pdf->fontmap);
	if (pdf->fp)
		fclose(pdf->fp);
	free(pdf->tmp);
	free(pdf->path);
	free(pdf);
}

void pdf_abort(lk_pdf *pdf)
{
	if (!pdf)
		return;
	if (pdf->doc)
		cairo_surface_finish(pdf->doc); /* before the stream goes */
	if (pdf->tmp)
		unlink(pdf->tmp);
	pdf_free(pdf);
}

/* Flushes and closes the temporary file; 0 or the errno of what failed. */
static int close_tmp(lk_pdf *pdf)
{
	int e = pdf->io_errno;
	if (fflush(pdf->fp) != 0 && !e)
		e = errno;
	if (fsync(fileno(pdf->fp)) != 0 && !e && errno != EINVAL)
		e = errno;
	if (fclose(pdf->fp) != 0 && !e)
		e = errno;
	pdf->fp = NULL;
	return e;
}

int pdf_finish(lk_pdf *pdf, lk_err *err)
{
	if (pdf->in_set && pdf_set_end(pdf, err) < 0) {
		pdf_abort(pdf);
		return -1;
	}
	cairo_surface_finish(pdf->doc);
	cairo_status_t cs = cairo_surface_status(pdf->doc);
	int e = close_tmp(pdf);
	if (!e && cs != CAIRO_STATUS_SUCCESS)
		e = cs == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
	if (!e && rename(pdf->tmp, pdf->path) != 0)
		e = errno;
	if (e) {
		lk_fail(err, LK_EIO, _("Cannot write %s: %s"), pdf->path, strerror(e));
		pdf_abort(pdf);
		return -1;
	}
	pdf_free(pdf);
	return 0;
}

/* ---- text ---- */

static PangoLayout *layout_new(lk_pdf *pdf, const char *text, lk_pdf_style st, double width,
	lk_pdf_align align, int max_lines)
{
	static const PangoAlignment al[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT};
	PangoLayout *l = pango_layout_new(pdf->pctx);
	pango_layout_set_font_description(l, pdf->font[st]);
	pango_layout_set_width(l, pango_units_from_double(width));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, al[align]);
	if (max_lines > 0) {
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, -max_lines);
	}
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	return pango_units_to_double(logical.height);
}

static void draw_layout(lk_pdf *pdf, PangoLayout *l, double x, double y)
{
	cairo_set_source_rgb(pdf->cr, 0, 0, 0);
	cairo_move_to(pdf->cr, x, y);
	pango_cairo_show_layout(pdf->cr, l);
}

static int check_text(const char *text, lk_err *err)
{
	size_t bad;
	if (text && !text_utf8_valid(text, strlen(text), &bad))
		return lk_fail(err, LK_EINVAL, _("Cannot print text that is not valid UTF-8 (byte %zu)."),
			bad + 1);
	return 0;
}

/* ---- pages ---- */

static int draw_table_header(lk_pdf *pdf, lk_err *err);

static int push_page(lk_pdf *pdf, lk_err *err)
{
	if (pdf->npages == pdf->cap) {
		int cap = pdf->cap ? pdf->cap * 2 : 8;
		cairo_surface_t **p = realloc(pdf->pages, (size_t)cap * sizeof *p);
		if (!p)
			return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
		pdf->pages = p;
		pdf->cap = cap;
	}
	cairo_rectangle_t ext = {0, 0, LK_PDF_PAGE_W, LK_PDF_PAGE_H};
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	}
	pdf->pages[pdf->npages++] = s;
	if (pdf->cr)
		cairo_destroy(pdf->cr);
	pdf->cr = cairo_create(s);
	cairo_set_line_width(pdf->cr, LINE_W);
	return 0;
}

/* A new page of the set with its header (and the open table's header row). */
static int new_page(lk_pdf *pdf, lk_err *err)
{
	if (push_page(pdf, err) < 0)
		return -1;
	pdf->y = LK_PDF_MARGIN;
	pdf->body_top = pdf->y;
	if (pdf->header) {
		pdf->in_header = true;
		int rc = pdf->header(pdf, pdf->header_arg, err);
		pdf->in_header = false;
		if (rc < 0)
			return -1;
	}
	pdf->body_top = pdf->y;
	if (pdf->in_table && draw_table_header(pdf, err) < 0)
		return -1;
	pdf->body_top = pdf->y;
	return 0;
}

/* Makes room for h points: a new page unless it fits or the page has
 * nothing but its header yet (then it is drawn anyway, cut at the edge). */
static int need(lk_pdf *pdf, double h, lk_err *err)
{
	if (pdf->y + h <= CONTENT_BOTTOM || pdf->y <= pdf->body_top)
		return 0;
	if (pdf->in_header)
		return lk_fail(err, LK_EINVAL, "%s", _("The page header does not fit on one page."));
	return new_page(pdf, err);
}

int pdf_set_begin(lk_pdf *pdf, lk_pdf_header_fn header, void *arg, const char *footer,
	lk_err *err)
{
	if (pdf->in_set)
		return lk_fail(err, LK_EINVAL, "%s", _("A page set is already open."));
	if (check_text(footer, err) < 0)
		return -1;
	free(pdf->footer);
	pdf->footer = footer ? strdup(footer) : NULL;
	if (footer && !pdf->footer)
		return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	pdf->header = header;
	pdf->header_arg = arg;
	pdf->in_set = true;
	return new_page(pdf, err);
}

static void draw_footer(lk_pdf *pdf, int page, int pages)
{
	cairo_t *cr = pdf->doc_cr;
	double top = CONTENT_BOTTOM + 14;
	cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
	cairo_set_line_width(cr, LINE_W);
	cairo_move_to(cr, LK_PDF_MARGIN, top - 4);
	cairo_line_to(cr, LK_PDF_PAGE_W - LK_PDF_MARGIN, top - 4);
	cairo_stroke(cr);
	char num[64];
	snprintf(num, sizeof num, _("page %d of %d"), page, pages);
	PangoLayout *l = layout_new(pdf, num, LK_PDF_SMALL, CONTENT_W, LK_PDF_RIGHT, 1);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, LK_PDF_MARGIN, top);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	if (!pdf->footer)
		return;
	l = layout_new(pdf, pdf->footer, LK_PDF_SMALL, CONTENT_W * 0.78, LK_PDF_LEFT, 2);
	pango_layout_set_auto_dir(l, FALSE); /* left, whatever its script */
	cairo_move_to(cr, LK_PDF_MARGIN, top);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

int pdf_set_end(lk_pdf *pdf, lk_err *err)
{
	if (!pdf->in_set)
		return lk_fail(err, LK_EINVAL, "%s", _("No page set is open."));
	drop_table(pdf);
	cairo_destroy(pdf->cr);
	pdf->cr = NULL;
	int n = pdf->npages;
	for (int i = 0; i < n; i++) {
		cairo_set_source_surface(pdf->doc_cr, pdf->pages[i], 0, 0);
		cairo_paint(pdf->doc_cr);
		draw_footer(pdf, i + 1, n);
		cairo_show_page(pdf->doc_cr);
	}
	drop_pages(pdf);
	pdf->in_set = false;
	pdf->total_pages += n;
	if (cairo_status(pdf->doc_cr) != CAIRO_STATUS_SUCCESS || pdf->io_errno)
		return lk_fail(err, LK_EIO, _("Cannot write %s: %s"), pdf->path,
			strerror(pdf->io_errno ? pdf->io_errno : EIO));
	return n;
}

int pdf_set_pages(const lk_pdf *pdf)
{
	return pdf->in_set ? pdf->npages : 0;
}

int pdf_pages(const lk_pdf *pdf)
{
	return pdf->total_pages;
}

static int need_set(const lk_pdf *pdf, lk_err *err)
{
	return pdf->in_set ? 0 : lk_fail(err, LK_EINVAL, "%s", _("No page set is open."));
}

int pdf_text(lk_pdf *pdf, const char *text, lk_pdf_style style, lk_pdf_align align, lk_err *err)
{
	if (need_set(pdf, err) < 0 || check_text(text, err) < 0)
		return -1;
	PangoLayout *l = layout_new(pdf, text, style, CONTENT_W, align, 0);
	double h = layout_height(l);
	int rc = need(pdf, h, err);
	if (rc == 0) {
		draw_layout(pdf, l, LK_PDF_MARGIN, pdf->y);
		pdf->y += h;
	}
	g_object_unref(l);
	return rc;
}

int pdf_field(lk_pdf *pdf, const char *label, const char *value, lk_err *err)
{
	if (need_set(pdf, err) < 0 || check_text(label, err) < 0 || check_text(value, err) < 0)
		return -1;
	PangoLayout *ll = layout_new(pdf, label, LK_PDF_BOLD, FIELD_LABEL_W - 6, LK_PDF_LEFT, 0);
	PangoLayout *vl = layout_new(pdf, value && *value ? value : "–", LK_PDF_BODY,
		CONTENT_W - FIELD_LABEL_W, LK_PDF_LEFT, 0);
	pango_layout_set_auto_dir(ll, FALSE); /* left to right, with any script inside */
	pango_layout_set_auto_dir(vl, FALSE);
	double h = fmax(layout_height(ll), layout_height(vl)) + 1;
	int rc = need(pdf, h, err);
	if (rc == 0) {
		draw_layout(pdf, ll, LK_PDF_MARGIN, pdf->y);
		draw_layout(pdf, vl, LK_PDF_MARGIN + FIELD_LABEL_W, pdf->y);
		pdf->y += h;
	}
	g_object_unref(ll);
	g_object_unref(vl);
	return rc;
}

void pdf_gap(lk_pdf *pdf, double points)
{
	pdf->y = fmin(pdf->y + points, CONTENT_BOTTOM);
}

/* ---- tables ---- */

static int copy_columns(lk_pdf *pdf, const lk_pdf_column *cols, int n, lk_err *err)
{
	double sum = 0;
	for (int i = 0; i < n; i++) {
		if (!(cols[i].weight > 0) || cols[i].max_lines < 0 || check_text(cols[i].title, err) < 0)
			return lk_fail(err, LK_EINVAL, "%s", _("A table column needs a positive width."));
		sum += cols[i].weight;
	}
	for (int i = 0; i < n; i++) {
		pdf->cols[i] = cols[i];
		pdf->titles[i] = strdup(cols[i].title ? cols[i].title : "");
		pdf->cols[i].title = pdf->titles[i];
		pdf->colw[i] = CONTENT_W * cols[i].weight / sum;
		pdf->ncols = i + 1;
		if (!pdf->titles[i])
			return lk_fail(err, LK_ENOMEM, "%s", _("Out of memory."));
	}
	return 0;
}

/* The layout of cell i; the header row wraps its titles in full. */
static PangoLayout *cell_layout(lk_pdf *pdf, int i, const char *text, bool head)
{
	const lk_pdf_column *c = &pdf->cols[i];
	return layout_new(pdf, text, head ? LK_PDF_BOLD : LK_PDF_BODY, pdf->colw[i] - 2 * CELL_PAD,
		c->align, head ? 0 : c->max_lines);
}

/* Height of a row of cells (at least min_height). */
static double row_height(lk_pdf *pdf, const char *const cells[], bool head, double min_height)
{
	double h = min_height;
	for (int i = 0; i < pdf->ncols; i++) {
		PangoLayout *l = cell_layout(pdf, i, cells[i], head);
		h = fmax(h, layout_height(l) + 2 * CELL_PAD);
		g_object_unref(l);
	}
	return h;
}

static void draw_tick_box(lk_pdf *pdf, double x, double w, double h)
{
	cairo_rectangle(pdf->cr, x + (w - TICK_SIZE) / 2, pdf->y + (h - TICK_SIZE) / 2, TICK_SIZE,
		TICK_SIZE);
	cairo_stroke(pdf->cr);
}

static void draw_row(lk_pdf *pdf, const char *const cells[], double h, bool head)
{
	double x = LK_PDF_MARGIN;
	if (head) {
		cairo_set_source_rgb(pdf->cr, 0.88, 0.88, 0.88);
		cairo_rectangle(pdf->cr, x, pdf->y, CONTENT_W, h);
		cairo_fill(pdf->cr);
	}
	for (int i = 0; i < pdf->ncols; i++) {
		const lk_pdf_column *c = &pdf->cols[i];
		double w = pdf->colw[i];
		PangoLayout *l = cell_layout(pdf, i, cells[i], head);
		draw_layout(pdf, l, x + CELL_PAD, pdf->y + (h - layout_height(l)) / 2);
		g_object_unref(l);
		cairo_set_source_rgb(pdf->cr, 0, 0, 0);
		cairo_rectangle(pdf->cr, x, pdf->y, w, h);
		cairo_stroke(pdf->cr);
		if (c->tick_box && !head)
			draw_tick_box(pdf, x, w, h);
		x += w;
	}
	pdf->y += h;
}

static int draw_table_header(lk_pdf *pdf, lk_err *err)
{
	const char *cells[PDF_MAX_COLS];
	for (int i = 0; i < pdf->ncols; i++)
		cells[i] = pdf->titles[i];
	double h = row_height(pdf, cells, true, 16);
	if (pdf->y + h > CONTENT_BOTTOM)
		return lk_fail(err, LK_EINVAL, "%s", _("The page header does not fit on one page."));
	draw_row(pdf, cells, h, true);
	return 0;
}

int pdf_table_begin(lk_pdf *pdf, const lk_pdf_column *cols, int n, lk_err *err)
{
	if (need_set(pdf, err) < 0)
		return -1;
	if (pdf->in_table || n < 1 || n > PDF_MAX_COLS)
		return lk_fail(err, LK_EINVAL, "%s", _("A table needs 1 to 16 columns, one table at a time."));
	if (copy_columns(pdf, cols, n, err) < 0) {
		drop_table(pdf);
		return -1;
	}
	/* the header row and a first row together, or a new page */
	if (need(pdf, 60, err) < 0 || draw_table_header(pdf, err) < 0) {
		drop_table(pdf);
		return -1;
	}
	pdf->in_table = true;
	pdf->body_top = pdf->y;
	return 0;
}

static int check_cells(const lk_pdf *pdf, const char *const cells[], lk_err *err)
{
	if (!pdf->in_table)
		return lk_fail(err, LK_EINVAL, "%s", _("No table is open."));
	for (int i = 0; i < pdf->ncols; i++)
		if (check_text(cells[i], err) < 0)
			return -1;
	return 0;
}

bool pdf_table_row_fits(lk_pdf *pdf, const char *const cells[], double min_height)
{
	if (!pdf->in_table)
		return false;
	return pdf->y + row_height(pdf, cells, false, min_height) <= CONTENT_BOTTOM;
}

int pdf_table_row(lk_pdf *pdf, const char *const cells[], double min_height, lk_err *err)
{
	if (check_cells(pdf, cells, err) < 0)
		return -1;
	double h = row_height(pdf, cells, false, min_height);
	if (need(pdf, h, err) < 0)
		return -1;
	draw_row(pdf, cells, h, false);
	return 0;
}

void pdf_table_end(lk_pdf *pdf)
{
	drop_table(pdf);
}
