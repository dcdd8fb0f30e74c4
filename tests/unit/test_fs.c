/* test_fs.c — a database on a network file system is refused (store/fs.h):
 * the decision by statfs magic and FUSE subtype, the mountinfo parser, and
 * that local paths (existing or still to be made) pass. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "lmskurs/store/fs.h"
#include "testlib.h"

Test(fs, network_file_systems_by_magic)
{
	cr_assert_str_eq(store_fs_network_name(0x6969, NULL), "NFS");
	cr_assert_str_eq(store_fs_network_name(0x517B, NULL), "SMB");
	cr_assert_str_eq(store_fs_network_name(0xFF534D42, NULL), "CIFS");
	cr_assert_str_eq(store_fs_network_name(0xFE534D42, NULL), "SMB2");
	cr_assert_str_eq(store_fs_network_name(0x01021997, NULL), "9P");
	/* statfs's f_type is signed on some systems: the magic sign-extended. */
	cr_assert_str_eq(store_fs_network_name((unsigned long)(long)(int)0xFF534D42, NULL), "CIFS");
}

Test(fs, local_file_systems_pass)
{
	cr_assert_null(store_fs_network_name(0xEF53, NULL), "ext4");
	cr_assert_null(store_fs_network_name(0x58465342, NULL), "xfs");
	cr_assert_null(store_fs_network_name(0x9123683E, NULL), "btrfs");
	cr_assert_null(store_fs_network_name(0x01021994, NULL), "tmpfs");
	cr_assert_null(store_fs_network_name(0x794C7630, NULL), "overlayfs");
	cr_assert_null(store_fs_network_name(0xEF53, "sshfs"), "a subtype counts only for FUSE");
}

Test(fs, fuse_by_subtype)
{
	cr_assert_str_eq(store_fs_network_name(0x65735546, "sshfs"), "sshfs");
	cr_assert_str_eq(store_fs_network_name(0x65735546, "rclone"), "rclone");
	cr_assert_null(store_fs_network_name(0x65735546, "gocryptfs"), "local encryption passes");
	cr_assert_null(store_fs_network_name(0x65735546, NULL), "an unknown FUSE mount passes");
}

Test(fs, mountinfo_lines)
{
	char sub[64];
	const char *ssh = "41 27 0:45 / /home/kari/lms rw,nosuid,nodev,relatime shared:30 - fuse.sshfs kari@server:/srv rw,user_id=1000";
	cr_assert(store_fs_mountinfo_subtype(ssh, 0, 45, sub, sizeof sub));
	cr_assert_str_eq(sub, "sshfs");
	cr_assert_not(store_fs_mountinfo_subtype(ssh, 0, 46, sub, sizeof sub), "another device");
	cr_assert_not(store_fs_mountinfo_subtype("27 1 254:0 / / rw,relatime - ext4 /dev/vda rw", 254, 0, sub, sizeof sub));
	cr_assert_not(store_fs_mountinfo_subtype("44 27 0:50 / /mnt rw - fuse /dev/fuse rw", 0, 50, sub, sizeof sub),
		"plain fuse has no subtype");
	cr_assert(store_fs_mountinfo_subtype("44 27 8:1 / /mnt rw - fuseblk.ntfs-3g /dev/sdb1 rw", 8, 1, sub, sizeof sub));
	cr_assert_str_eq(sub, "ntfs-3g");
	cr_assert_not(store_fs_mountinfo_subtype("garbage", 0, 0, sub, sizeof sub));
	cr_assert_not(store_fs_mountinfo_subtype("1 2 0:3 / / rw - fuse.averyveryverylongsubtypename x", 0, 3, sub, 8),
		"too long for the buffer");
}

Test(fs, local_paths_are_accepted_existing_or_not)
{
	lk_err err;
	char path[512];
	snprintf(path, sizeof path, "%s/lmskurs.db", tl_tmpdir());
	cr_assert_eq(store_check_filesystem(path, &err), 0, "%s", err.msg);
	snprintf(path, sizeof path, "%s/not/made/yet/lmskurs.db", tl_tmpdir());
	cr_assert_eq(store_check_filesystem(path, &err), 0, "%s", err.msg);
	cr_assert_eq(store_check_filesystem("relative-name.db", &err), 0, "%s", err.msg);
	cr_assert_eq(store_check_filesystem("/", &err), 0, "%s", err.msg);
}
