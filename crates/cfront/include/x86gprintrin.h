/* kit: gcc's <x86gprintrin.h>: intrinsics on general-purpose registers. */
#ifndef __KIT_X86GPRINTRIN_H
#define __KIT_X86GPRINTRIN_H
#include <ia32intrin.h>
#include <stddef.h>
#include <adxintrin.h>
#include <bmiintrin.h>
#include <bmi2intrin.h>
#include <lzcntintrin.h>
#include <popcntintrin.h>
#include <rdseedintrin.h>
#endif
