/* kit's <stdatomic.h>: sequentially consistent operations on _Atomic
   objects through the __atomic builtins. */
#ifndef _STDATOMIC_H
#define _STDATOMIC_H
typedef enum memory_order {
  memory_order_relaxed = __ATOMIC_RELAXED,
  memory_order_consume = __ATOMIC_CONSUME,
  memory_order_acquire = __ATOMIC_ACQUIRE,
  memory_order_release = __ATOMIC_RELEASE,
  memory_order_acq_rel = __ATOMIC_ACQ_REL,
  memory_order_seq_cst = __ATOMIC_SEQ_CST
} memory_order;
typedef _Atomic _Bool atomic_bool;
typedef _Atomic char atomic_char;
typedef _Atomic signed char atomic_schar;
typedef _Atomic unsigned char atomic_uchar;
typedef _Atomic short atomic_short;
typedef _Atomic unsigned short atomic_ushort;
typedef _Atomic int atomic_int;
typedef _Atomic unsigned int atomic_uint;
typedef _Atomic long atomic_long;
typedef _Atomic unsigned long atomic_ulong;
typedef _Atomic long long atomic_llong;
typedef _Atomic unsigned long long atomic_ullong;
typedef _Atomic __SIZE_TYPE__ atomic_size_t;
typedef _Atomic __PTRDIFF_TYPE__ atomic_ptrdiff_t;
typedef _Atomic __INTPTR_TYPE__ atomic_intptr_t;
typedef _Atomic __UINTPTR_TYPE__ atomic_uintptr_t;
typedef struct atomic_flag { atomic_bool _Value; } atomic_flag;
#define ATOMIC_FLAG_INIT { 0 }
#define ATOMIC_VAR_INIT(value) (value)
#define atomic_init(obj, value) __atomic_store_n(obj, value, __ATOMIC_RELAXED)
#define kill_dependency(y) (y)
#define atomic_thread_fence(mo) __atomic_thread_fence(mo)
#define atomic_signal_fence(mo) __atomic_signal_fence(mo)
#define atomic_is_lock_free(obj) 1
#define atomic_store(obj, v) __atomic_store_n(obj, v, __ATOMIC_SEQ_CST)
#define atomic_store_explicit(obj, v, mo) __atomic_store_n(obj, v, mo)
#define atomic_load(obj) __atomic_load_n(obj, __ATOMIC_SEQ_CST)
#define atomic_load_explicit(obj, mo) __atomic_load_n(obj, mo)
#define atomic_exchange(obj, v) __atomic_exchange_n(obj, v, __ATOMIC_SEQ_CST)
#define atomic_exchange_explicit(obj, v, mo) __atomic_exchange_n(obj, v, mo)
#define atomic_compare_exchange_strong(obj, exp, des) __atomic_compare_exchange_n(obj, exp, des, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define atomic_compare_exchange_strong_explicit(obj, exp, des, s, f) __atomic_compare_exchange_n(obj, exp, des, 0, s, f)
#define atomic_compare_exchange_weak(obj, exp, des) __atomic_compare_exchange_n(obj, exp, des, 1, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define atomic_compare_exchange_weak_explicit(obj, exp, des, s, f) __atomic_compare_exchange_n(obj, exp, des, 1, s, f)
#define atomic_fetch_add(obj, v) __atomic_fetch_add(obj, v, __ATOMIC_SEQ_CST)
#define atomic_fetch_add_explicit(obj, v, mo) __atomic_fetch_add(obj, v, mo)
#define atomic_fetch_sub(obj, v) __atomic_fetch_sub(obj, v, __ATOMIC_SEQ_CST)
#define atomic_fetch_sub_explicit(obj, v, mo) __atomic_fetch_sub(obj, v, mo)
#define atomic_fetch_or(obj, v) __atomic_fetch_or(obj, v, __ATOMIC_SEQ_CST)
#define atomic_fetch_or_explicit(obj, v, mo) __atomic_fetch_or(obj, v, mo)
#define atomic_fetch_xor(obj, v) __atomic_fetch_xor(obj, v, __ATOMIC_SEQ_CST)
#define atomic_fetch_xor_explicit(obj, v, mo) __atomic_fetch_xor(obj, v, mo)
#define atomic_fetch_and(obj, v) __atomic_fetch_and(obj, v, __ATOMIC_SEQ_CST)
#define atomic_fetch_and_explicit(obj, v, mo) __atomic_fetch_and(obj, v, mo)
#define atomic_flag_test_and_set(f) __atomic_exchange_n(&(f)->_Value, 1, __ATOMIC_SEQ_CST)
#define atomic_flag_test_and_set_explicit(f, mo) __atomic_exchange_n(&(f)->_Value, 1, mo)
#define atomic_flag_clear(f) __atomic_store_n(&(f)->_Value, 0, __ATOMIC_SEQ_CST)
#define atomic_flag_clear_explicit(f, mo) __atomic_store_n(&(f)->_Value, 0, mo)
#endif
