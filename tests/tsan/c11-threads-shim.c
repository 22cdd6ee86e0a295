/* ThreadSanitizer shim for C11 threads (LD_PRELOAD, TSan runs only).
 *
 * Debian's librdkafka 2.0.2 is built on glibc's C11 threads (thrd_create,
 * mtx_lock, cnd_wait… from <threads.h>). glibc implements them by calling
 * its pthread internals directly, not the exported pthread_* symbols, so
 * ThreadSanitizer's interceptors never see librdkafka's threads start or its
 * mutexes taken: every access librdkafka makes under its own locks looks
 * like a race. Preloaded, this library defines the C11 functions librdkafka
 * imports as thin wrappers over the pthread_* functions, which TSan does
 * intercept, so it sees the real happens-before edges.
 *
 * glibc's C11 types have the size and layout of the pthread ones they wrap
 * (mtx_t and pthread_mutex_t, cnd_t and pthread_cond_t, thrd_t and
 * pthread_t, once_flag and pthread_once_t), which the static assertions
 * below check.
 *
 * Compiled and preloaded by tests/tsan/run-tsan.sh only (it needs TSan's
 * runtime in the process). The same file wraps GLib's locks, see below.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

_Static_assert (sizeof (mtx_t) == sizeof (pthread_mutex_t), "mtx_t is not a pthread_mutex_t");
_Static_assert (sizeof (cnd_t) == sizeof (pthread_cond_t), "cnd_t is not a pthread_cond_t");
_Static_assert (sizeof (thrd_t) == sizeof (pthread_t), "thrd_t is not a pthread_t");
_Static_assert (sizeof (once_flag) == sizeof (pthread_once_t), "once_flag is not a pthread_once_t");
_Static_assert (sizeof (tss_t) == sizeof (pthread_key_t), "tss_t is not a pthread_key_t");

static int
to_thrd (int err)
{
  switch (err)
    {
    case 0:
      return thrd_success;
    case EBUSY:
      return thrd_busy;
    case ETIMEDOUT:
      return thrd_timedout;
    case ENOMEM:
      return thrd_nomem;
    default:
      return thrd_error;
    }
}

/* Threads */

typedef struct {
  thrd_start_t func;
  void        *arg;
} Start;

static void *
trampoline (void *data)
{
  Start start = *(Start *) data;

  free (data);
  return (void *) (intptr_t) start.func (start.arg);
}

int
thrd_create (thrd_t       *thr,
             thrd_start_t  func,
             void         *arg)
{
  Start *start = malloc (sizeof *start);
  int err;

  if (start == NULL)
    return thrd_nomem;
  start->func = func;
  start->arg = arg;
  err = pthread_create ((pthread_t *) thr, NULL, trampoline, start);
  if (err != 0)
    free (start);
  return to_thrd (err);
}

int
thrd_join (thrd_t  thr,
           int    *res)
{
  void *ret = NULL;
  int err = pthread_join ((pthread_t) thr, &ret);

  if (err == 0 && res != NULL)
    *res = (int) (intptr_t) ret;
  return to_thrd (err);
}

int
thrd_detach (thrd_t thr)
{
  return to_thrd (pthread_detach ((pthread_t) thr));
}

thrd_t
thrd_current (void)
{
  return (thrd_t) pthread_self ();
}

int
thrd_equal (thrd_t a,
            thrd_t b)
{
  return pthread_equal ((pthread_t) a, (pthread_t) b);
}

void
thrd_exit (int res)
{
  pthread_exit ((void *) (intptr_t) res);
}

void
thrd_yield (void)
{
  sched_yield ();
}

/* Mutexes */

int
mtx_init (mtx_t *mtx,
          int    type)
{
  pthread_mutexattr_t attr;
  int err;

  pthread_mutexattr_init (&attr);
  if (type & mtx_recursive)
    pthread_mutexattr_settype (&attr, PTHREAD_MUTEX_RECURSIVE);
  err = pthread_mutex_init ((pthread_mutex_t *) mtx, &attr);
  pthread_mutexattr_destroy (&attr);
  return to_thrd (err);
}

int
mtx_lock (mtx_t *mtx)
{
  return to_thrd (pthread_mutex_lock ((pthread_mutex_t *) mtx));
}

int
mtx_trylock (mtx_t *mtx)
{
  return to_thrd (pthread_mutex_trylock ((pthread_mutex_t *) mtx));
}

int
mtx_timedlock (mtx_t                 *mtx,
               const struct timespec *ts)
{
  return to_thrd (pthread_mutex_timedlock ((pthread_mutex_t *) mtx, ts));
}

int
mtx_unlock (mtx_t *mtx)
{
  return to_thrd (pthread_mutex_unlock ((pthread_mutex_t *) mtx));
}

void
mtx_destroy (mtx_t *mtx)
{
  pthread_mutex_destroy ((pthread_mutex_t *) mtx);
}

/* Condition variables */

int
cnd_init (cnd_t *cnd)
{
  return to_thrd (pthread_cond_init ((pthread_cond_t *) cnd, NULL));
}

int
cnd_signal (cnd_t *cnd)
{
  return to_thrd (pthread_cond_signal ((pthread_cond_t *) cnd));
}

int
cnd_broadcast (cnd_t *cnd)
{
  return to_thrd (pthread_cond_broadcast ((pthread_cond_t *) cnd));
}

int
cnd_wait (cnd_t *cnd,
          mtx_t *mtx)
{
  return to_thrd (pthread_cond_wait ((pthread_cond_t *) cnd, (pthread_mutex_t *) mtx));
}

int
cnd_timedwait (cnd_t                 *cnd,
               mtx_t                 *mtx,
               const struct timespec *ts)
{
  return to_thrd (pthread_cond_timedwait ((pthread_cond_t *) cnd, (pthread_mutex_t *) mtx, ts));
}

void
cnd_destroy (cnd_t *cnd)
{
  pthread_cond_destroy ((pthread_cond_t *) cnd);
}

/* Once and thread-specific storage */

void
call_once (once_flag  *flag,
           void      (*func) (void))
{
  pthread_once ((pthread_once_t *) flag, func);
}

int
tss_create (tss_t      *key,
            tss_dtor_t  dtor)
{
  return to_thrd (pthread_key_create ((pthread_key_t *) key, dtor));
}

void *
tss_get (tss_t key)
{
  return pthread_getspecific ((pthread_key_t) key);
}

int
tss_set (tss_t  key,
         void  *value)
{
  return to_thrd (pthread_setspecific ((pthread_key_t) key, value));
}

void
tss_delete (tss_t key)
{
  pthread_key_delete ((pthread_key_t) key);
}

/* GLib's own locks.
 *
 * GLib 2.74 implements GMutex, GRecMutex's inner lock and GCond on Linux
 * with futexes of its own, not pthread calls, so TSan sees neither the
 * locks that GMainContext takes around its sources nor those of
 * GAsyncQueue, through which GThreadPool (GTask's worker threads) hands work
 * between threads. Debian's GLib is not built with -fsanitize=thread
 * either. These wrappers call GLib's functions and tell TSan about the
 * happens-before edge each creates (a lock acquires what the last unlock
 * of the same mutex released; a condition wait releases and reacquires its
 * mutex), through TSan's public annotation interface. They add no
 * synchronization TSan would not also see with a pthread mutex. */
#include <dlfcn.h>

extern void __tsan_acquire (void *addr);
extern void __tsan_release (void *addr);

#define REAL(name, type) \
  static __typeof__ (type) real_##name; \
  if (real_##name == NULL) \
    real_##name = (type) dlsym (RTLD_NEXT, #name)

void
g_mutex_lock (void *mutex)
{
  REAL (g_mutex_lock, void (*) (void *));
  real_g_mutex_lock (mutex);
  __tsan_acquire (mutex);
}

int
g_mutex_trylock (void *mutex)
{
  int locked;

  REAL (g_mutex_trylock, int (*) (void *));
  locked = real_g_mutex_trylock (mutex);
  if (locked)
    __tsan_acquire (mutex);
  return locked;
}

void
g_mutex_unlock (void *mutex)
{
  REAL (g_mutex_unlock, void (*) (void *));
  __tsan_release (mutex);
  real_g_mutex_unlock (mutex);
}

void
g_rec_mutex_lock (void *mutex)
{
  REAL (g_rec_mutex_lock, void (*) (void *));
  real_g_rec_mutex_lock (mutex);
  __tsan_acquire (mutex);
}

int
g_rec_mutex_trylock (void *mutex)
{
  int locked;

  REAL (g_rec_mutex_trylock, int (*) (void *));
  locked = real_g_rec_mutex_trylock (mutex);
  if (locked)
    __tsan_acquire (mutex);
  return locked;
}

void
g_rec_mutex_unlock (void *mutex)
{
  REAL (g_rec_mutex_unlock, void (*) (void *));
  __tsan_release (mutex);
  real_g_rec_mutex_unlock (mutex);
}

void
g_cond_wait (void *cond,
             void *mutex)
{
  REAL (g_cond_wait, void (*) (void *, void *));
  __tsan_release (mutex);
  real_g_cond_wait (cond, mutex);
  __tsan_acquire (mutex);
}

int
g_cond_wait_until (void    *cond,
                   void    *mutex,
                   int64_t  end_time)
{
  int signalled;

  REAL (g_cond_wait_until, int (*) (void *, void *, int64_t));
  __tsan_release (mutex);
  signalled = real_g_cond_wait_until (cond, mutex, end_time);
  __tsan_acquire (mutex);
  return signalled;
}

/* GTask's worker threads: g_task_run_in_thread() hands the task to a
 * GThreadPool through a GAsyncQueue whose lock GLib takes internally (not
 * through the wrappers above), so TSan does not see that what the caller
 * wrote before the call (the task data, the partitions to look up) happens
 * before the worker reads it. The wrapper releases on the task before
 * queueing it and runs the task function through a trampoline that
 * acquires it first. (The way back, g_task_return_*() waking the caller's
 * context, goes through an eventfd write and read, which TSan does see.) */
typedef void (*TaskThreadFunc) (void *task, void *source_object, void *task_data,
                                void *cancellable);

extern void  g_object_set_data (void *object, const char *key, void *data);
extern void *g_object_get_data (void *object, const char *key);

static void
task_trampoline (void *task,
                 void *source_object,
                 void *task_data,
                 void *cancellable)
{
  TaskThreadFunc func;

  __tsan_acquire (task);
  func = (TaskThreadFunc) g_object_get_data (task, "tsan-shim-task-func");
  func (task, source_object, task_data, cancellable);
}

void
g_task_run_in_thread (void           *task,
                      TaskThreadFunc  func)
{
  REAL (g_task_run_in_thread, void (*) (void *, TaskThreadFunc));
  g_object_set_data (task, "tsan-shim-task-func", (void *) func);
  __tsan_release (task);
  real_g_task_run_in_thread (task, task_trampoline);
}
