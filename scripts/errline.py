#!/usr/bin/env python3
"""stdin: stderr of `kubectl kustomize`; stdout: kustomize's error as one stable line."""
import re
import sys

text = "\n".join(l for l in sys.stdin.read().splitlines() if not l.startswith("# Warning"))
m = re.search(r'err="((?:[^"\\]|\\.)*)"', text)
if m:
    msg = re.sub(r'\\(.)', r'\1', m.group(1))
else:
    m = re.search(r'err=<\n(.*?)\n\s*>', text, re.S) or re.search(r'^(?:Error|error): (.*)$', text, re.M | re.S)
    msg = m.group(1) if m else text
msg = re.sub(r'0x[0-9a-f]+', '0x…', msg)  # pointers differ run to run
print(" ".join(msg.split())[:2000])
