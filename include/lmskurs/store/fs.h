/*
 * store/fs.h — refusing a database on a network file system, where
 * SQLite's locking (and so WAL's shared memory) cannot be trusted and two
 * users at once can damage the file (https://sqlite.org/faq.html#q5).
 *
 *   path ──nearest existing folder──statfs f_type──▶ network? refuse
 *                                  └─ FUSE: the mount's subtype from
 *                                     /proc/self/mountinfo (sshfs, rclone …)
 *
 * Refused: NFS, SMB/CIFS (old and new magic), AFS, Coda, NCP, 9P (WSL and
 * VM shared folders), CephFS and Lustre; and FUSE mounts whose subtype is
 * a known network one (sshfs, rclone, s3fs, gcsfuse, curlftpfs, davfs,
 * gvfsd-fuse, glusterfs, ceph-fuse, smbnetfs, goofys, blobfuse). Other
 * FUSE file systems (encfs, gocryptfs on a local disk …) are allowed.
 */
#ifndef LMSKURS_STORE_FS_H
#define LMSKURS_STORE_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "lmskurs/err.h"

/* The name of the network file system f_type is (statfs), or NULL when
 * it is not one. For FUSE (f_type 0x65735546) fuse_subtype decides: the
 * part after "fuse." of the mount's type ("sshfs"), NULL when unknown. */
const char *store_fs_network_name(unsigned long f_type, const char *fuse_subtype);

/* For a line of /proc/self/mountinfo: when its device is major:minor and
 * its type is "fuse.<sub>" (or "fuseblk.<sub>"), copies <sub> into out and
 * returns true. Pure: for tests. */
bool store_fs_mountinfo_subtype(const char *line, unsigned major, unsigned minor, char *out,
	size_t size);

/* 0 when path (or, when it does not exist yet, its nearest existing
 * folder) lies on a local file system; LK_EIO naming the file system and
 * what to do otherwise. A path that cannot be examined at all passes:
 * opening it reports what is wrong. */
int store_check_filesystem(const char *path, lk_err *err);

#endif
