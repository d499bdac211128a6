// Lokus runtime glue, prepended (--pre-js) to every tool module. Implements wasm/CONTRACT.md.
//
// One instance runs one command:
//   const m = await factory({ thisProgram, lokusStdout, lokusStderr, lokusStdin, lokusSetup, instantiateWasm });
//   const status = m.lokusRun(argv);
//
// stdin/stdout/stderr are byte-level character devices (no line splitting, no UTF-8 decoding), installed on
// fds 0/1/2 and on /dev/stdin, /dev/stdout, /dev/stderr just before main runs.

/* global Module, FS, ExitStatus, SYSCALLS, HEAP32 */
/* eslint-disable no-var */

// Never let the emscripten runtime kill the host process: exit() ends up here and we unwind with ExitStatus.
Module['quit'] = Module['quit'] || function (status, toThrow) {
  throw toThrow;
};
if (!Module['thisProgram']) Module['thisProgram'] = 'program';

// Node >= 18 has fetch(), which makes emscripten 3.1.6 try instantiateStreaming on a file path and fail.
// Without a host-supplied instantiateWasm/wasmBinary, read the sibling .wasm file synchronously.
if (typeof process === 'object' && process && process.versions && process.versions.node &&
    typeof __filename === 'string' && !Module['instantiateWasm'] && !Module['wasmBinary']) {
  Module['wasmBinary'] = require('fs').readFileSync(__filename.replace(/\.js$/, '.wasm'));
}

(function () {
  var hasNodeStreams = typeof process === 'object' && process && process.stdout && typeof process.stdout.write === 'function';

  function defaultSink(fd) {
    // Without a host callback: write raw bytes to Node's stdio, or decode for the console in a browser.
    if (hasNodeStreams) {
      return function (chunk) {
        (fd === 1 ? process.stdout : process.stderr).write(Buffer.from(chunk));
      };
    }
    var pending = '';
    var dec = new TextDecoder();
    return function (chunk, flush) {
      pending += dec.decode(chunk, { stream: !flush });
      var i;
      while ((i = pending.indexOf('\n')) >= 0) {
        (fd === 1 ? console.log : console.warn)(pending.slice(0, i));
        pending = pending.slice(i + 1);
      }
      if (flush && pending) {
        (fd === 1 ? console.log : console.warn)(pending);
        pending = '';
      }
    };
  }

  function toU8(buffer, offset, length) {
    // emscripten hands devices HEAP8 (Int8Array); give hosts Uint8Array views without copying.
    return new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
  }

  var text = new TextEncoder();
  function emit(sinkName, fd, s) {
    var sink = Module[sinkName] || defaultSink(fd);
    sink(text.encode(s + '\n'));
  }
  // Runtime messages (e.g. "Aborted(...)") go to the tool's stderr stream, never to stdout.
  if (!Module['print']) Module['print'] = function (s) { emit('lokusStdout', 1, s); };
  if (!Module['printErr']) Module['printErr'] = function (s) { emit('lokusStderr', 2, s); };

  function installStdio() {
    var outSink = Module['lokusStdout'] || defaultSink(1);
    var errSink = Module['lokusStderr'] || defaultSink(2);
    var stdinSrc = Module['lokusStdin'];
    var stdinPos = 0;

    function writer(sink) {
      return {
        open: function () {},
        close: function () {},
        fsync: function () {},
        read: function () {
          throw new FS.ErrnoError(29 /* EIO */);
        },
        write: function (stream, buffer, offset, length) {
          if (length > 0) sink(toU8(buffer, offset, length));
          return length;
        },
      };
    }
    var stdinOps = {
      open: function () {},
      close: function () {},
      read: function (stream, buffer, offset, length) {
        if (!stdinSrc || length === 0) return 0;
        var dst = toU8(buffer, offset, length);
        if (typeof stdinSrc === 'function') {
          // Synchronous pull: (dst: Uint8Array) => bytes read, 0 at EOF.
          return stdinSrc(dst) | 0;
        }
        var n = Math.min(length, stdinSrc.length - stdinPos);
        if (n <= 0) return 0;
        dst.set(stdinSrc.subarray(stdinPos, stdinPos + n));
        stdinPos += n;
        return n;
      },
      write: function () {
        throw new FS.ErrnoError(29);
      },
    };

    var major = 64; // private device numbers, clear of emscripten's (1 = null/tty, 5/6 = tty, 14 = random)
    var devIn = FS.makedev(major, 0);
    var devOut = FS.makedev(major, 1);
    var devErr = FS.makedev(major, 2);
    FS.registerDevice(devIn, stdinOps);
    FS.registerDevice(devOut, writer(outSink));
    FS.registerDevice(devErr, writer(errSink));

    var names = [
      ['/dev/stdin', devIn, 'r'],
      ['/dev/stdout', devOut, 'w'],
      ['/dev/stderr', devErr, 'w'],
    ];
    for (var fd = 0; fd < 3; fd++) {
      try {
        FS.close(FS.getStream(fd));
      } catch (e) {
        /* not open */
      }
    }
    for (var i = 0; i < 3; i++) {
      try {
        FS.unlink(names[i][0]);
      } catch (e) {
        /* absent */
      }
      FS.mkdev(names[i][0], 438 /* 0666 */, names[i][1]);
    }
    for (var j = 0; j < 3; j++) {
      var s = FS.open(names[j][0], names[j][2]);
      if (s.fd !== j) throw new Error('lokus: could not place ' + names[j][0] + ' on fd ' + j + ' (got ' + s.fd + ')');
    }
    return function flushText() {
      if (!Module['lokusStdout']) outSink(new Uint8Array(0), true);
      if (!Module['lokusStderr']) errSink(new Uint8Array(0), true);
    };
  }

  // emscripten 3.1.6's stat() always reports st_blksize 4096, whatever the file system node says. htslib sizes
  // its write buffer from st_blksize, so every 4 KiB of output cost one call into JS. Report the node's own
  // blksize when a host raised it (wasm-node's NODEFS, the engine's WORKERFS/MEMFS); output bytes are unchanged.
  // 48 is the offset of st_blksize in this emscripten's struct stat (see its SYSCALLS.doStat).
  function reportNodeBlksize() {
    if (typeof SYSCALLS !== 'object' || !SYSCALLS.doStat || SYSCALLS.lokusBlksize) return;
    var doStat = SYSCALLS.doStat;
    SYSCALLS.doStat = function (func, path, buf) {
      var r = doStat(func, path, buf);
      if (r === 0) {
        try {
          var blksize = func(path).blksize;
          if (blksize > 4096) HEAP32[(buf + 48) >> 2] = blksize;
        } catch (e) {
          /* keep the 4096 already written */
        }
      }
      return r;
    };
    SYSCALLS.lokusBlksize = true;
  }

  Module['lokusAbortReason'] = null;
  Module['lokusRun'] = function (argv) {
    if (Module['lokusRan']) throw new Error('lokus: an instance runs one command; create a new instance');
    Module['lokusRan'] = true;
    reportNodeBlksize();
    var flushText = installStdio();
    if (Module['lokusSetup']) Module['lokusSetup'](FS, Module);
    var status;
    try {
      status = Module['callMain'](argv || []);
    } catch (e) {
      if (e instanceof ExitStatus) {
        status = e.status;
      } else if (e === 'unwind') {
        status = 0;
      } else {
        Module['lokusAbortReason'] = (e && (e.stack || e.message)) ? String(e.message || e) : String(e);
        status = 134;
      }
    }
    if (typeof status !== 'number') status = 0;
    flushText();
    return status;
  };
})();
