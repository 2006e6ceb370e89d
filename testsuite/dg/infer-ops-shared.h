/* infer-ops.c: an ops type in a header, as a subsystem's are: other files
   that include it may fill the member with their own functions, so calls
   through it are not inferred from this file's tables alone.  */
#ifndef INFER_OPS_SHARED_H
#define INFER_OPS_SHARED_H

struct akfs_item;

struct akfs_shared_ops {
	struct akfs_item *(*get)(int id);
};

#endif
