/* Lokus: glibc-style getopt diagnostics for the WebAssembly builds.
 *
 * Emscripten's libc is musl, whose getopt/getopt_long report bad options as
 *   "view: unrecognized option: no-such-option"
 * while the native (glibc) tools print
 *   "view: unrecognized option '--no-such-option'"  /  "tabix: invalid option -- 'Z'".
 * This object replaces musl's getopt.c (same symbols, so libc's member is never linked): the option parser
 * is musl's code verbatim (MIT, from emscripten 3.1.6 system/lib/libc/musl/src/misc/getopt.c); __getopt_msg,
 * which musl's getopt and getopt_long both call, formats the messages like glibc, and getopt() permutes
 * operands after options like glibc (see below). */
#define _BSD_SOURCE
#include <unistd.h>
#include <wchar.h>
#include <string.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>

char *optarg;
int optind=1, opterr=1, optopt, __optpos, __optreset=0;
extern int optreset __attribute__((weak, alias("__optreset")));

#define optpos __optpos

void __getopt_msg(const char *a, const char *b, const char *c, size_t l)
{
	FILE *f = stderr;
	/* long options: c points just after the "--" of argv[optind] (getopt_long); short: at the option char */
	int is_long = l > 1 || (l == 1 && c[-1] == '-' && c[-2] == '-');
	if (!strcmp(b, ": unrecognized option: ")) {
		if (is_long) fprintf(f, "%s: unrecognized option '--%.*s'\n", a, (int)l, c);
		else fprintf(f, "%s: invalid option -- '%.*s'\n", a, (int)l, c);
	} else if (!strcmp(b, ": option requires an argument: ")) {
		if (is_long) fprintf(f, "%s: option '--%.*s' requires an argument\n", a, (int)l, c);
		else fprintf(f, "%s: option requires an argument -- '%.*s'\n", a, (int)l, c);
	} else if (!strcmp(b, ": option does not take an argument: ")) {
		fprintf(f, "%s: option '--%.*s' doesn't allow an argument\n", a, (int)l, c);
	} else if (!strcmp(b, ": option is ambiguous: ")) {
		fprintf(f, "%s: option '--%.*s' is ambiguous\n", a, (int)l, c);
	} else {
		fputs(a, f); fputs(b, f); fwrite(c, 1, l, f); putc('\n', f);
	}
}

static int lokus_posix_getopt(int argc, char * const argv[], const char *optstring)
{
	int i;
	wchar_t c, d;
	int k, l;
	char *optchar;

	if (!optind || __optreset) {
		__optreset = 0;
		__optpos = 0;
		optind = 1;
	}

	if (optind >= argc || !argv[optind])
		return -1;

	if (argv[optind][0] != '-') {
		if (optstring[0] == '-') {
			optarg = argv[optind++];
			return 1;
		}
		return -1;
	}

	if (!argv[optind][1])
		return -1;

	if (argv[optind][1] == '-' && !argv[optind][2])
		return optind++, -1;

	if (!optpos) optpos++;
	if ((k = mbtowc(&c, argv[optind]+optpos, MB_LEN_MAX)) < 0) {
		k = 1;
		c = 0xfffd; /* replacement char */
	}
	optchar = argv[optind]+optpos;
	optpos += k;

	if (!argv[optind][optpos]) {
		optind++;
		optpos = 0;
	}

	if (optstring[0] == '-' || optstring[0] == '+')
		optstring++;

	i = 0;
	d = 0;
	do {
		l = mbtowc(&d, optstring+i, MB_LEN_MAX);
		if (l>0) i+=l; else i++;
	} while (l && d != c);

	if (d != c || c == ':') {
		optopt = c;
		if (optstring[0] != ':' && opterr)
			__getopt_msg(argv[0], ": unrecognized option: ", optchar, k);
		return '?';
	}
	if (optstring[i] == ':') {
		optarg = 0;
		if (optstring[i+1] != ':' || optpos) {
			optarg = argv[optind++] + optpos;
			optpos = 0;
		}
		if (optind > argc) {
			optopt = c;
			if (optstring[0] == ':') return ':';
			if (opterr) __getopt_msg(argv[0],
				": option requires an argument: ",
				optchar, k);
			return '?';
		}
	}
	return c;
}

/* glibc's getopt() permutes: options may follow operands (`seqtk seq in.fq -a`) unless optstring starts
 * with '+' or '-'. musl's plain getopt() stops at the first operand; this wrapper applies the permutation
 * that musl's own getopt_long uses (misc/getopt_long.c: __getopt_long/permute), around the POSIX core. */
static void permute(char *const *argv, int dest, int src)
{
	char **av = (char **)argv;
	char *tmp = av[src];
	int i;
	for (i=src; i>dest; i--)
		av[i] = av[i-1];
	av[dest] = tmp;
}

int getopt(int argc, char * const argv[], const char *optstring)
{
	int ret, skipped, resumed;
	if (!optind || __optreset) {
		__optreset = 0;
		__optpos = 0;
		optind = 1;
	}
	if (optind >= argc || !argv[optind]) return -1;
	skipped = optind;
	if (optstring[0] != '+' && optstring[0] != '-') {
		int i;
		for (i=optind; ; i++) {
			if (i >= argc || !argv[i]) return -1;
			if (argv[i][0] == '-' && argv[i][1]) break;
		}
		optind = i;
	}
	resumed = optind;
	ret = lokus_posix_getopt(argc, argv, optstring);
	if (resumed > skipped) {
		int i, cnt = optind-resumed;
		for (i=0; i<cnt; i++)
			permute(argv, skipped, optind-1);
		optind = skipped + cnt;
	}
	return ret;
}

extern int __posix_getopt(int, char * const [], const char *) __attribute__((weak, alias("lokus_posix_getopt")));
