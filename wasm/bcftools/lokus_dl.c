/* Lokus: static bcftools plugins. WebAssembly has no dlopen, so every plugin is compiled into the
 * bcftools binary (its external symbols renamed lokus_<plugin>_<symbol>) and vcfplugin.c is compiled
 * with dlopen/dlsym/dlerror/dlclose/opendir/readdir/closedir mapped to the functions below, which
 * resolve plugin names against the generated table lokus_plugin_table[] (lokus_plugins_table.c).
 * `bcftools +fill-tags`, `bcftools plugin setGT`, `bcftools plugin -l` work as with native plugins. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lokus_plugins.h"

static char lokus_dl_err[512];
static int lokus_dl_has_err;

__attribute__((constructor)) static void lokus_plugin_dir(void) {
  mkdir("/lokus", 0755); /* LOKUS_PLUGIN_DIR must exist: bcftools stat()s its plugin path */
  mkdir(LOKUS_PLUGIN_DIR, 0755);
}

void *lokus_dlopen(const char *path, int flags) {
  (void)flags;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  if (n > 3 && !strcmp(base + n - 3, ".so")) n -= 3;
  for (int i = 0; lokus_plugin_table[i].name; i++) {
    if (strlen(lokus_plugin_table[i].name) == n && !strncmp(lokus_plugin_table[i].name, base, n)) {
      lokus_dl_has_err = 0;
      return (void *)&lokus_plugin_table[i];
    }
  }
  snprintf(lokus_dl_err, sizeof lokus_dl_err, "%s: no such plugin compiled into this bcftools", path);
  lokus_dl_has_err = 1;
  return NULL;
}

void *lokus_dlsym(void *handle, const char *sym) {
  const lokus_plugin_t *p = (const lokus_plugin_t *)handle;
  void *f = NULL;
  if (!strcmp(sym, "init")) f = p->init;
  else if (!strcmp(sym, "run")) f = p->run;
  else if (!strcmp(sym, "version")) f = p->version;
  else if (!strcmp(sym, "about")) f = p->about;
  else if (!strcmp(sym, "usage")) f = p->usage;
  else if (!strcmp(sym, "process")) f = p->process;
  else if (!strcmp(sym, "destroy")) f = p->destroy;
  if (!f) {
    snprintf(lokus_dl_err, sizeof lokus_dl_err, "undefined symbol: %s", sym);
    lokus_dl_has_err = 1;
  }
  return f;
}

char *lokus_dlerror(void) {
  if (!lokus_dl_has_err) return NULL;
  lokus_dl_has_err = 0;
  return lokus_dl_err;
}

int lokus_dlclose(void *handle) { (void)handle; return 0; }

/* Directory listing of the virtual plugin directory, for `bcftools plugin -l`. */
typedef struct { int magic, next; DIR *real; struct dirent ent; } lokus_dir_t;
#define LOKUS_DIR_MAGIC 0x4c6f6b75

DIR *lokus_opendir(const char *path) {
  lokus_dir_t *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->magic = LOKUS_DIR_MAGIC;
  if (strcmp(path, LOKUS_PLUGIN_DIR) != 0) {
    d->real = opendir(path);
    if (!d->real) { free(d); return NULL; }
  }
  return (DIR *)d;
}

struct dirent *lokus_readdir(DIR *dir) {
  lokus_dir_t *d = (lokus_dir_t *)dir;
  if (d->real) return readdir(d->real);
  if (!lokus_plugin_table[d->next].name) return NULL;
  snprintf(d->ent.d_name, sizeof d->ent.d_name, "%s.so", lokus_plugin_table[d->next].name);
  d->next++;
  return &d->ent;
}

int lokus_closedir(DIR *dir) {
  lokus_dir_t *d = (lokus_dir_t *)dir;
  int r = d->real ? closedir(d->real) : 0;
  free(d);
  return r;
}
