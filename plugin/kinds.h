/*
 * kinds.h - what a value may hold: the vocabulary every part of errptr
 * shares (no GCC types here).
 *
 * A bit set.  The same bits serve pointers and the integers that become
 * pointers (ERR_PTR's argument):
 *   pointer:  VK_NULL   NULL          VK_ERR  ERR_PTR(-errno)  VK_VALID  other
 *   integer:  VK_ZERO   0             VK_NEG  -1..-MAX_ERRNO   VK_POS    other
 * The low three bits are kinds proven by a source: a constant, ERR_PTR(),
 * a contract.  The next three are the kinds a value from an unknown source
 * (a parameter, a load, a call without contract) may still have: all three
 * at first, fewer once tests have narrowed it.  Unknown kinds are never
 * reported as such; a test that leaves a single kind proves it ("if (!p)"
 * makes an unknown p NULL), and checks may use kinds a test narrowed to
 * ("if (IS_ERR_OR_NULL(p)) return PTR_ERR(p);": p may be NULL there).
 */
#ifndef ERRPTR_KINDS_H
#define ERRPTR_KINDS_H

#define VK_NULL    1u
#define VK_ERR     2u
#define VK_VALID   4u
#define VK_ZERO    VK_NULL
#define VK_NEG     VK_ERR
#define VK_POS     VK_VALID
#define VK_KINDS   (VK_NULL | VK_ERR | VK_VALID)
#define VK_UNK_SHIFT 3
#define VK_UNKNOWN (VK_KINDS << VK_UNK_SHIFT)		/* nothing known */
#define VK_PROVEN(m)   ((m) & VK_KINDS)
#define VK_UNSURE(m)   (((m) >> VK_UNK_SHIFT) & VK_KINDS)
#define VK_POSSIBLE(m) (VK_PROVEN(m) | VK_UNSURE(m))
/* Kinds proven, or kept by a test that let only bad kinds through (an
 * unknown value after IS_ERR_OR_NULL(p) held: NULL or ERR).  A test that
 * merely excludes one kind (after !IS_ERR(p), p is NULL or valid) says
 * nothing about the others. */
#define VK_TESTED(m)   (VK_PROVEN(m) | ((VK_UNSURE(m) & VK_VALID) ? 0 : VK_UNSURE(m)))

#endif /* ERRPTR_KINDS_H */
