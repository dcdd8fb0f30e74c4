/* fs.c — which file system a database lies on (store/fs.h). */
#include "lmskurs/store/fs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "lmskurs/i18n.h"

enum { FUSE_SUPER_MAGIC = 0x65735546 };

static const struct {
	unsigned long magic;
	const char *name;
} network_fs[] = {
	{0x6969, "NFS"},
	{0x517B, "SMB"},
	{0xFF534D42, "CIFS"},
	{0xFE534D42, "SMB2"},
	{0x5346414F, "AFS"},
	{0x73757245, "Coda"},
	{0x564C, "NCP"},
	{0x01021997, "9P"},
	{0x00C36400, "CephFS"},
	{0x0BD00BD0, "Lustre"},
};

static const char *const network_fuse[] = {
	"sshfs", "rclone", "s3fs", "gcsfuse", "curlftpfs", "davfs", "gvfsd-fuse", "glusterfs",
	"ceph-fuse", "smbnetfs", "goofys", "blobfuse", "blobfuse2",
};

const char *store_fs_network_name(unsigned long f_type, const char *fuse_subtype)
{
	f_type &= 0xFFFFFFFFUL; /* statfs may sign-extend the 32-bit magic */
	for (size_t i = 0; i < sizeof network_fs / sizeof network_fs[0]; i++)
		if (network_fs[i].magic == f_type)
			return network_fs[i].name;
	if (f_type != FUSE_SUPER_MAGIC || !fuse_subtype)
		return NULL;
	for (size_t i = 0; i < sizeof network_fuse / sizeof network_fuse[0]; i++)
		if (strcmp(network_fuse[i], fuse_subtype) == 0)
			return network_fuse[i];
	return NULL;
}

/* mountinfo: "36 35 0:45 / /mnt rw,relatime shared:1 - fuse.sshfs host:/ rw,..." */
bool store_fs_mountinfo_subtype(const char *line, unsigned major, unsigned minor, char *out,
	size_t size)
{
	unsigned ma, mi;
	if (sscanf(line, "%*s %*s %u:%u", &ma, &mi) != 2 || ma != major || mi != minor)
		return false;
	const char *dash = strstr(line, " - ");
	if (!dash)
		return false;
	const char *type = dash + 3;
	size_t skip = strncmp(type, "fuse.", 5) == 0 ? 5 : strncmp(type, "fuseblk.", 8) == 0 ? 8 : 0;
	if (!skip)
		return false;
	type += skip;
	size_t n = strcspn(type, " \n");
	if (n == 0 || n >= size)
		return false;
	memcpy(out, type, n);
	out[n] = '\0';
	return true;
}

/* The FUSE subtype of the mount holding dev, or "" when not found. */
static void fuse_subtype(dev_t dev, char *out, size_t size)
{
	out[0] = '\0';
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return;
	char line[4096];
	while (fgets(line, sizeof line, f))
		if (store_fs_mountinfo_subtype(line, major(dev), minor(dev), out, size))
			break;
	fclose(f);
}

/* Cuts buf to its parent folder ("." for a bare name, "/" at the top);
 * false when there is none left. */
static bool to_parent(char *buf)
{
	char *slash = strrchr(buf, '/');
	if (!slash) {
		bool was_dot = strcmp(buf, ".") == 0;
		strcpy(buf, ".");
		return !was_dot;
	}
	if (slash == buf) {
		bool was_root = buf[1] == '\0';
		buf[1] = '\0';
		return !was_root;
	}
	*slash = '\0';
	return true;
}

/* path, or its nearest existing parent folder, into buf (and its stat);
 * false when nothing can be examined. */
static bool existing(const char *path, char *buf, size_t size, struct stat *sb)
{
	if (snprintf(buf, size, "%s", path) >= (int)size)
		return false;
	while (stat(buf, sb) < 0)
		if ((errno != ENOENT && errno != ENOTDIR) || !to_parent(buf))
			return false;
	return true;
}

int store_check_filesystem(const char *path, lk_err *err)
{
	char where[4096], sub[64] = "";
	struct stat sb;
	struct statfs fs;
	if (!existing(path, where, sizeof where, &sb) || statfs(where, &fs) < 0)
		return 0;
	if ((unsigned long)fs.f_type == FUSE_SUPER_MAGIC)
		fuse_subtype(sb.st_dev, sub, sizeof sub);
	const char *name = store_fs_network_name((unsigned long)fs.f_type, sub[0] ? sub : NULL);
	if (!name)
		return 0;
	return lk_fail(err, LK_EIO, _("%s lies on a network file system (%s), where SQLite cannot lock the file safely: two users at once could damage the database. Keep the database on a local disk of the machine everyone logs in to (for example under /var/lib/lmskurs), or use --db with a local path."),
		path, name);
}
