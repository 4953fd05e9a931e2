/* Reading and writing a traced process's memory. */
#ifndef LTRACE_MEMORY_H
#define LTRACE_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "common/taddr.h"

/*
 * Read up to len bytes at addr in one system call (process_vm_readv, split at page
 * boundaries so that the readable prefix is returned), falling back to /proc/PID/mem.
 * Returns the number of bytes read (possibly short), or -1 if none could be read.
 */
ssize_t mem_read(pid_t pid, taddr_t addr, void *buf, size_t len);

/* Read two regions in one system call; returns 0 only if both were read whole. */
int mem_read2(pid_t pid, taddr_t a1, void *b1, size_t l1, taddr_t a2, void *b2, size_t l2);

/* Write len bytes at addr through /proc/PID/mem (which also writes read-only text).
 * mem_fd comes from mem_open. Returns 0, or -1 with errno set. */
int mem_write(int mem_fd, taddr_t addr, const void *buf, size_t len);

/* The value of auxiliary vector entry `tag` (AT_ENTRY, AT_BASE...) of pid, or 0. */
uint64_t auxv_value(pid_t pid, uint64_t tag);

/* Open /proc/PID/mem for writing; -1 with errno on failure. The caller closes it. */
int mem_open(pid_t pid);

#endif
