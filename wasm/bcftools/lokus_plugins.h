#ifndef LOKUS_PLUGINS_H
#define LOKUS_PLUGINS_H
#include <stdio.h>
#define LOKUS_PLUGIN_DIR "/lokus/bcftools-plugins"
typedef struct {
  const char *name;
  void *init, *run, *version, *about, *usage, *process, *destroy;
} lokus_plugin_t;
extern const lokus_plugin_t lokus_plugin_table[];
#endif
