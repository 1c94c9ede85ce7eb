#!/usr/bin/env python3
"""Flesch Reading Ease check for Tandem dialogue files.

Walks each dialogue, collects every ask, say, hint and why text (including the
fields of records questions), the intro, and, for the support file, its intro
and check-in messages. Each text is scored with textstat.flesch_reading_ease.

Placeholders such as {name|friend} become their fallback word ("friend");
placeholders with no fallback ({name} or {name|}) are dropped.

Exit status: 1 if any text scores below MIN_TEXT or any file's mean is below
MIN_MEAN (each failure is named), else 0.
"""
import os
import re
import sys

import textstat
import yaml

MIN_TEXT = 60.0
MIN_MEAN = 70.0
TEXT_KEYS = ("ask", "say", "hint", "why")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_-]*)(?:\|([^{}]*))?\}")
COMMON = re.compile(r"\{common\.([a-z][a-z0-9_-]*)\}")


def shared_texts(path):
    """The texts of the common.yaml beside a dialogue ({common.NAME} puts one in)."""
    common = os.path.join(os.path.dirname(path), "common.yaml")
    try:
        doc = load(common)
    except (OSError, yaml.YAMLError):
        return {}
    texts = doc.get("texts") if isinstance(doc, dict) else None
    return texts if isinstance(texts, dict) else {}


def load(path):
    # BaseLoader keeps every scalar as a string, so a bare yes/no/on/off
    # (YAML 1.1 booleans) or a number key never changes type or crashes us.
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def plain(text):
    def repl(m):
        return (m.group(2) or "").strip()

    text = PLACEHOLDER.sub(repl, text)
    text = re.sub(r"[ \t]+([,.!?;:])", r"\1", text)   # "Thanks , ." -> "Thanks,."
    text = re.sub(r",([.!?])", r"\1", text)           # "Thanks,." -> "Thanks."
    text = re.sub(r"^[,;:]\s*", "", text.strip())     # leading comma after a dropped name
    text = re.sub(r"\s+", " ", text)
    return text.strip()


def collect(doc):
    """Yield (key, where, text) for every scored text in a document."""
    if not isinstance(doc, dict):
        return
    texts = doc.get("texts")
    if isinstance(texts, dict) and "sections" not in doc:  # common.yaml: the shared texts
        for name, val in texts.items():
            if isinstance(val, str) and val.strip():
                yield "shared", str(name), val
    intro = doc.get("intro")
    if isinstance(intro, str) and intro.strip():
        yield "intro", "-", intro
    checkin = doc.get("check-in")
    if isinstance(checkin, dict):
        for key in ("message", "someone-else", "reminder", "reminder-someone-else",
                    "harmed", "someone-else-harmed", "reminder-harmed", "reminder-someone-else-harmed",
                    "fear-of-harming", "reminder-fear-of-harming", "maybe", "maybe-someone-else",
                    "eating-drink-drugs", "someone-else-eating-drink-drugs",
                    "reminder-eating-drink-drugs", "reminder-someone-else-eating-drink-drugs"):
            if isinstance(checkin.get(key), str):
                yield "message", "check-in." + key, checkin[key]
    for section in doc.get("sections") or []:
        if not isinstance(section, dict):
            continue
        for step in section.get("steps") or []:
            if not isinstance(step, dict):
                continue
            sid = str(step.get("id", "?"))
            for key in TEXT_KEYS:
                val = step.get(key)
                if isinstance(val, str) and val.strip():
                    yield key, sid, val
            for field in step.get("fields") or []:
                if not isinstance(field, dict):
                    continue
                fid = "%s.%s" % (sid, field.get("id", "?"))
                for key in TEXT_KEYS:
                    val = field.get(key)
                    if isinstance(val, str) and val.strip():
                        yield key, fid, val


def score(text):
    return float(textstat.flesch_reading_ease(text))


def main(paths):
    if not paths:
        print("usage: readability.py FILE.yaml ...", file=sys.stderr)
        return 2
    failures = []
    summary = []
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            doc = load(path)
        except (OSError, yaml.YAMLError) as err:
            failures.append("%s: cannot read: %s" % (name, err))
            continue
        rows = []
        shared = shared_texts(path)
        for key, where, text in collect(doc):
            text = COMMON.sub(lambda m: str(shared.get(m.group(1), "")), text)
            flat = plain(text)
            if not flat:
                continue
            rows.append((score(flat), key, where, flat))
        print("== %s (%s)" % (name, path))
        if not rows:
            print("   no text to score")
            print()
            continue
        print("  %7s  %-7s  %-28s  %s" % ("score", "key", "step", "text"))
        for s, key, where, flat in rows:
            mark = " <" if s < MIN_TEXT else ""
            short = flat if len(flat) <= 50 else flat[:49] + "…"
            print("  %7.1f  %-7s  %-28s  %s%s" % (s, key, where, short, mark))
            if s < MIN_TEXT:
                failures.append("%s: %s %s scores %.1f (below %.0f): %s"
                                % (name, where, key, s, MIN_TEXT, short))
        mean = sum(r[0] for r in rows) / len(rows)
        low = min(r[0] for r in rows)
        print("  mean %.1f, min %.1f, %d texts" % (mean, low, len(rows)))
        print()
        summary.append((name, mean, low, len(rows)))
        if mean < MIN_MEAN:
            failures.append("%s: mean %.1f is below %.0f" % (name, mean, MIN_MEAN))

    for name, mean, low, n in summary:
        print("%-24s mean %5.1f  min %5.1f  (%d texts)" % (name, mean, low, n))
    if failures:
        print()
        for f in failures:
            print("FAIL " + f)
        print("readability: %d problem(s) in %d file(s)" % (len(failures), len(paths)))
        return 1
    total = sum(n for _, _, _, n in summary)
    print("readability: ok, %d texts in %d file(s), every text >= %.0f, every mean >= %.0f"
          % (total, len(summary), MIN_TEXT, MIN_MEAN))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
