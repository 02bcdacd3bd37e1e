/* kit's <stddef.h>. Honors glibc's __need_* protocol: when a header asks
   for one type, only that type is defined. */
#if !defined(__need_size_t) && !defined(__need_ptrdiff_t) && !defined(__need_wchar_t) && \
    !defined(__need_NULL) && !defined(__need_wint_t) && !defined(__need_max_align_t)
#define __KIT_STDDEF_ALL
#endif

#if (defined(__KIT_STDDEF_ALL) || defined(__need_size_t)) && !defined(__KIT_SIZE_T)
#define __KIT_SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
#if (defined(__KIT_STDDEF_ALL) || defined(__need_ptrdiff_t)) && !defined(__KIT_PTRDIFF_T)
#define __KIT_PTRDIFF_T
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#if (defined(__KIT_STDDEF_ALL) || defined(__need_wchar_t)) && !defined(__KIT_WCHAR_T)
#define __KIT_WCHAR_T
typedef __WCHAR_TYPE__ wchar_t;
#endif
#if defined(__need_wint_t) && !defined(__KIT_WINT_T)
#define __KIT_WINT_T
typedef __WINT_TYPE__ wint_t;
#endif
#if defined(__KIT_STDDEF_ALL) || defined(__need_NULL)
#undef NULL
#define NULL ((void *)0)
#endif
#if (defined(__KIT_STDDEF_ALL) || defined(__need_max_align_t)) && !defined(__KIT_MAX_ALIGN_T)
#define __KIT_MAX_ALIGN_T
typedef struct {
  long long __max_align_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __max_align_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;
#endif
#if defined(__KIT_STDDEF_ALL) && !defined(offsetof)
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif

#undef __KIT_STDDEF_ALL
#undef __need_size_t
#undef __need_ptrdiff_t
#undef __need_wchar_t
#undef __need_NULL
#undef __need_wint_t
#undef __need_max_align_t
