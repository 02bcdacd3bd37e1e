/* kit: gcc's <x86intrin.h>: the general-purpose and SIMD intrinsics. */
#ifndef __KIT_X86INTRIN_H
#define __KIT_X86INTRIN_H
#include <ia32intrin.h>
#include <immintrin.h>
#endif
