/* kit: _mm_malloc / _mm_free, aligned allocation over posix_memalign. */
#ifndef __KIT_MM_MALLOC_H
#define __KIT_MM_MALLOC_H
#include <stdlib.h>

/* <stdlib.h> may hide posix_memalign (strict ISO modes): declare it. */
extern int posix_memalign(void **, size_t, size_t);

static __inline__ void *__attribute__((__unused__)) _mm_malloc(size_t __size, size_t __alignment) {
    void *__p;
    if (__alignment == 1)
        return malloc(__size);
    /* posix_memalign wants a power of two multiple of sizeof(void *). */
    if (__alignment == 2 || (sizeof(void *) == 8 && __alignment == 4))
        __alignment = sizeof(void *);
    if (posix_memalign(&__p, __alignment, __size) == 0)
        return __p;
    return NULL;
}

static __inline__ void __attribute__((__unused__)) _mm_free(void *__p) { free(__p); }

#endif
