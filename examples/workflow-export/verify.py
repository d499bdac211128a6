#!/usr/bin/env python3
"""Compare a workflow run with what Lokus produced in the browser, by MANIFEST.tsv.

usage: python3 verify.py [results-dir]   (default: results)
Inputs: the Lokus fingerprint is sha256 of the first 64 KiB, the last 64 KiB (not overlapping) and the size as
decimal text. Outputs: identical bytes, or identical after dropping the lines that record a program's version,
command line or date (@PG, ##bcftools_*Command/Version, '# The command line was:' ...). Exit status 1 on a difference.
"""
import csv, gzip, hashlib, os, re, struct, sys

DROP = [re.compile(p) for p in [r"^@PG\t", r"^##bcftools(_[\w-]+)?Version=", r"^##bcftools(_[\w-]+)?Command=",
        r"^# This file was produced by (samtools|bcftools) stats ", r"^# The command line was:",
        r"^INFO\tTime required to process one record "]]
GTCHECK = re.compile(r"^# This file was produced by bcftools \(.*\), the command line was:$")

def normalise_text(text):
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if GTCHECK.match(lines[i]):
            i += 5
            continue
        if not any(p.match(lines[i]) for p in DROP):
            out.append(lines[i])
        i += 1
    return "\n".join(out)

def binary_header(raw, magic):
    if raw[:len(magic)] != magic:
        return raw
    n = struct.unpack("<I", raw[len(magic):len(magic) + 4])[0]
    start = len(magic) + 4
    text = raw[start:start + n].decode("latin1").split("\0")[0]
    head = normalise_text(text).encode("latin1")
    return magic + struct.pack("<I", len(head)) + head + raw[start + n:]

def canonical(data, kind):
    if kind == "bytes":
        return data
    if kind == "text":
        return normalise_text(data.decode("latin1")).encode("latin1")
    if kind == "bgzf-text":
        return normalise_text(gzip.decompress(data).decode("latin1")).encode("latin1")
    if kind == "bam":
        return binary_header(gzip.decompress(data), b"BAM\x01")
    if kind == "bcf":
        return binary_header(gzip.decompress(data), b"BCF\x02\x02")
    raise ValueError(kind)

def fingerprint(path):
    size = os.path.getsize(path)
    edge = 64 * 1024
    with open(path, "rb") as f:
        head = f.read(min(size, edge))
        tail_start = max(len(head), size - edge)
        f.seek(tail_start)
        tail = f.read()
    return hashlib.sha256(head + tail + str(size).encode()).hexdigest()

def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "results"
    bad = 0
    with open("MANIFEST.tsv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        if row["kind"] == "input":
            path = row["path"]
            if not os.path.exists(path):
                print(f"MISSING input {path}")
                bad += 1
            elif fingerprint(path) != row["lokus_fingerprint"]:
                print(f"DIFFERENT input {path}: not the file Lokus read (fingerprint differs)")
                bad += 1
            else:
                print(f"same input {path}")
        elif row["kind"] == "output":
            path = os.path.join(results, row["sample"], row["name"])
            if not os.path.exists(path):
                print(f"MISSING output {path}")
                bad += 1
                continue
            data = open(path, "rb").read()
            if row["note"]:
                print(f"not compared {path}: {row['note']}")
                continue
            if hashlib.sha256(data).hexdigest() == row["sha256"]:
                print(f"identical {path}")
            elif hashlib.sha256(canonical(data, row["compare"])).hexdigest() == row["normalised_sha256"]:
                print(f"identical after normalisation ({row['compare']}) {path}")
            else:
                print(f"DIFFERENT output {path}")
                bad += 1
    print("all identical" if bad == 0 else f"{bad} difference(s)")
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
