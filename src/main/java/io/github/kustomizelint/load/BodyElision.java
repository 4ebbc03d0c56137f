package io.github.kustomizelint.load;

import java.util.HashSet;
import java.util.Set;

/**
 * Drops from a manifest's text the values of top-level fields the skim never reads (spec,
 * status, ...), keeping their line breaks, so every node the skim keeps stays at its line and
 * column and SnakeYAML need not scan the bodies of CRD bundles. Only a value shown to be block
 * YAML that SnakeYAML reads as the skim would, without a reason to give up, is dropped:
 * mappings with plain keys (none repeated, no merge key), sequences, plain scalars (also over
 * several lines), single-line quoted scalars, block scalars, and empty flow collections, with
 * no tabs, carriage returns, anchors, aliases, tags or unusual characters. At anything else it
 * keeps the rest of the file as it is, and the skim reads that part as before.
 */
final class BodyElision {

  /** Smaller files cost more to look at than their bodies cost to scan. */
  static final int MIN_LENGTH = 2048;

  // what the skim composes: the manifest reader's fields, and List items
  private static final Set<String> KEPT = union(ManifestReader.FIELDS, "items");
  private static final int MAX_DEPTH = 100;
  private static final int MAX_KEY = 256;

  private final char[] t; // charAt on a UTF-16 string costs a check per character
  private final int n;
  private int pos; // start of the next line to read
  // the line end() scanned last
  private int lineAt = -1;
  private int lineEndAt;
  private int lineIndentAt;
  private boolean lineOk;
  private int depth;
  private int lineEnd; // of the line content() found
  private int lineIndent;
  private final StringBuilder out;
  private int copied;

  private BodyElision(String text) {
    this.t = text.toCharArray();
    this.n = t.length;
    this.out = new StringBuilder();
  }

  private static Set<String> union(Set<String> a, String b) {
    Set<String> out = new HashSet<>(a);
    out.add(b);
    return Set.copyOf(out);
  }

  /** The text with the bodies it can prove dropped (the same text when none). */
  static String apply(String text) {
    return apply(text, MIN_LENGTH);
  }

  static String apply(String text, int minLength) {
    if (text.length() < minLength) {
      return text;
    }
    BodyElision e = new BodyElision(text);
    e.root();
    if (e.copied == 0) {
      return text;
    }
    e.out.append(e.t, e.copied, e.n - e.copied);
    return e.out.toString();
  }

  /** Stops (returns) at the first line it cannot account for; what was dropped stays so. */
  private void root() {
    while (pos < n) {
      int end = end(pos);
      if (!allowed(pos, end)) {
        return;
      }
      int i = indent(pos, end);
      if (i == end - pos || t[pos + i] == '#') {
        pos = next(end);
        continue;
      }
      if (i > 0) {
        return;
      }
      if (dashes(pos) && rest(pos + 3, end)) {
        pos = next(end);
        continue;
      }
      int colon = key(pos, end);
      if (colon < 0) {
        return;
      }
      String key = new String(t, pos, colon - pos);
      if (rest(colon + 1, end)) {
        pos = next(end);
        int start = pos;
        depth = 0;
        if (!value(0)) {
          return;
        }
        int q = content();
        if (q < 0 || q < n && !(key(q, end(q)) >= 0 || dashes(q)
            && rest(q + 3, end(q)))) {
          return; // the value must end where a top-level key or a document starts
        }
        if (!KEPT.contains(key) && pos > start) {
          drop(start, pos);
        }
      } else if (!inline(0, first(colon + 1, end), end)) {
        return;
      }
    }
  }

  private void drop(int from, int to) {
    out.append(t, copied, from - copied);
    int breaks = 0;
    int last = from;
    for (int p = from; p < to; p++) {
      if (t[p] == '\n') {
        breaks++;
        last = p + 1;
      }
    }
    // appended in blocks: a char at a time costs more than the scan
    repeat(BREAKS, breaks);
    // a last line without a break: its width still places the end of the stream
    repeat(SPACES, to - last);
    copied = to;
  }

  private static final char[] BREAKS = "\n".repeat(1024).toCharArray();
  private static final char[] SPACES = " ".repeat(1024).toCharArray();

  private void repeat(char[] block, int count) {
    for (int left = count; left > 0; left -= block.length) {
      out.append(block, 0, Math.min(left, block.length));
    }
  }

  /**
   * The value of a key at indent m whose line ends after the colon: a node more indented, a
   * sequence at the same indent, or nothing (null).
   */
  private boolean value(int m) {
    int p = content();
    if (p < 0 || p >= n) {
      return p >= n;
    }
    int i = lineIndent;
    if (i > m) {
      pos = p;
      return node(i);
    }
    if (i == m && dash(p + i, lineEnd) && m > 0) {
      pos = p;
      return seq(i);
    }
    return i < m || !dash(p + i, lineEnd);
  }

  private boolean node(int i) {
    if (++depth > MAX_DEPTH) {
      return false;
    }
    int end = end(pos);
    boolean ok = dash(pos + i, end) ? seq(i) : map(i, -1);
    depth--;
    return ok;
  }

  /**
   * A block mapping at indent i; {@code inlineAt} is the column of its first key on the
   * current line (a mapping that starts a sequence item), or -1.
   */
  private boolean map(int i, int inlineAt) {
    Keys keys = new Keys();
    if (inlineAt >= 0 && !entry(i, pos + inlineAt, keys)) {
      return false;
    }
    while (true) {
      int p = content();
      if (p < 0 || p >= n) {
        return p >= n;
      }
      if (lineIndent < i) {
        return true;
      }
      if (lineIndent > i || dash(p + i, lineEnd)) {
        return false; // a sequence at a map's indent only follows a key with no value
      }
      pos = p;
      if (!entry(i, p + i, keys)) {
        return false;
      }
    }
  }

  /** One key of a mapping at indent i, its key at offset k of the current line. */
  private boolean entry(int i, int k, Keys keys) {
    int end = end(pos);
    int colon = key(k, end);
    if (colon < 0 || !keys.add(k, colon - k)) {
      return false;
    }
    if (rest(colon + 1, end)) {
      pos = next(end);
      return value(i);
    }
    return inline(i, first(colon + 1, end), end);
  }

  /** A mapping's keys, as offsets into the text; a set once there are many. */
  private final class Keys {
    private int[] at = new int[16];
    private int size;
    private Set<String> many;

    boolean add(int from, int len) {
      if (many != null) {
        return many.add(new String(t, from, len));
      }
      for (int i = 0; i < size; i += 2) {
        if (at[i + 1] == len && java.util.Arrays.equals(t, at[i], at[i] + len, t, from,
            from + len)) {
          return false;
        }
      }
      if (size == at.length) {
        many = new HashSet<>();
        for (int i = 0; i < size; i += 2) {
          many.add(new String(t, at[i], at[i + 1]));
        }
        return many.add(new String(t, from, len));
      }
      at[size++] = from;
      at[size++] = len;
      return true;
    }
  }

  private boolean seq(int i) {
    while (true) {
      int p = content();
      if (p < 0 || p >= n) {
        return p >= n;
      }
      int end = lineEnd;
      if (lineIndent != i || !dash(p + i, end)) {
        return lineIndent <= i; // a less indented line, or a sequence at its map's indent ends
      }
      pos = p;
      int after = p + i + 1;
      if (rest(after, end)) {
        pos = next(end);
        int q = content();
        if (q < 0) {
          return false;
        }
        if (q < n && lineIndent > i) {
          pos = q;
          if (!node(lineIndent)) {
            return false;
          }
        }
        continue;
      }
      int c = first(after, end);
      if (dash(c, end)) {
        return false;
      }
      if (key(c, end) >= 0) {
        if (++depth > MAX_DEPTH || !map(c - p, c - p)) {
          return false;
        }
        depth--;
      } else if (!inline(i, c, end)) {
        return false;
      }
    }
  }

  /**
   * A scalar (or empty flow collection) starting at offset c of the current line, in a
   * collection at indent m; moves past its lines.
   */
  private boolean inline(int m, int c, int end) {
    char ch = t[c];
    switch (ch) {
      case '"':
        return quoted(m, c, end, true);
      case '\'':
        return quoted(m, c, end, false);
      case '|':
      case '>':
        return block(m, c, end);
      case '[':
        return flowSeq(c, end);
      case '{':
        return c + 1 < end && t[c + 1] == '}' && rest(c + 2, end) && advance(end);
      default:
        break;
    }
    if ("-?:,]}#&*!%@`".indexOf(ch) >= 0 && !(ch == '-' && c + 1 < end
        && t[c + 1] != ' ')) {
      return false;
    }
    boolean comment = false;
    for (int p = c; p < end; p++) {
      char x = t[p];
      if (x == ':' && (p + 1 == end || t[p + 1] == ' ')) {
        return false;
      }
      if (x == '#' && t[p - 1] == ' ') {
        comment = true;
        break;
      }
    }
    pos = next(end);
    if (comment) {
      return true;
    }
    // continuation lines: more indented than the collection, no ": ", and a comment line
    // ends the scalar (whatever follows is the collection's to read)
    int p = pos;
    while (p < n) {
      int e = end(p);
      if (!allowed(p, e)) {
        return false;
      }
      int j = indent(p, e);
      if (j < e - p) {
        if (j <= m || t[p + j] == '#') {
          return true;
        }
        if (!plainLine(p + j, e)) {
          return false;
        }
        pos = next(e);
      }
      p = next(e);
    }
    return true;
  }

  private boolean plainLine(int from, int end) {
    if (t[from] == '#') {
      return false;
    }
    for (int p = from; p < end; p++) {
      char x = t[p];
      if (x == ':' && (p + 1 == end || t[p + 1] == ' ')
          || x == '#' && t[p - 1] == ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * A quoted scalar from c, over as many lines as it takes, each further line indented more
   * than the collection (indent m); ends at its closing quote, then only a comment.
   */
  private boolean quoted(int m, int c, int end, boolean dbl) {
    int p = c + 1;
    int e = end;
    while (true) {
      while (p < e) {
        char x = t[p];
        if (dbl && x == '\\') {
          if (p + 1 == e) {
            p++; // an escaped line break
            continue;
          }
          int len = escape(p + 1, e);
          if (len < 0) {
            return false;
          }
          p += 1 + len;
          continue;
        }
        if (x == (dbl ? '"' : '\'')) {
          if (!dbl && p + 1 < e && t[p + 1] == '\'') {
            p += 2;
            continue;
          }
          return rest(p + 1, e) && advance(e);
        }
        p++;
      }
      int next = next(e);
      if (next >= n) {
        return false; // never closed
      }
      e = end(next);
      if (!allowed(next, e)) {
        return false;
      }
      int j = indent(next, e);
      if (j < e - next && j <= m) {
        return false;
      }
      pos = next;
      p = next + j;
    }
  }

  /**
   * A flow sequence of scalars on one line from c ("[a, 'b', \"c\"]"), then only a comment;
   * anything richer (nesting, maps, plain scalars with flow indicators or ':') is not ours.
   */
  private boolean flowSeq(int c, int end) {
    int p = first(c + 1, end);
    if (p < end && t[p] == ']') {
      return rest(p + 1, end) && advance(end);
    }
    while (p < end) {
      char x = t[p];
      if (x == '"' || x == '\'') {
        int q = p + 1;
        while (q < end) {
          char y = t[q];
          if (x == '"' && y == '\\') {
            int len = escape(q + 1, end);
            if (len < 0) {
              return false;
            }
            q += 1 + len;
          } else if (y == x) {
            if (x == '\'' && q + 1 < end && t[q + 1] == '\'') {
              q += 2;
            } else {
              break;
            }
          } else {
            q++;
          }
        }
        if (q >= end) {
          return false;
        }
        p = q + 1;
      } else {
        if ("-?:,[]{}#&*!|>%@`".indexOf(x) >= 0 && !(x == '-' && p + 1 < end
            && "0123456789".indexOf(t[p + 1]) >= 0)) {
          return false;
        }
        while (p < end && ",[]{}:#'\"".indexOf(t[p]) < 0) {
          p++;
        }
      }
      p = first(p, end);
      if (p >= end) {
        return false;
      }
      if (t[p] == ']') {
        return rest(p + 1, end) && advance(end);
      }
      if (t[p] != ',') {
        return false;
      }
      p = first(p + 1, end);
    }
    return false;
  }

  /** The length of a valid escape after a backslash at p, or -1. */
  private int escape(int p, int end) {
    if (p >= end) {
      return -1;
    }
    char x = t[p];
    if ("0abtnvfre \"/\\N_LP".indexOf(x) >= 0) {
      return 1;
    }
    int hex = x == 'x' ? 2 : x == 'u' ? 4 : x == 'U' ? 8 : -1;
    if (hex < 0 || p + hex >= end) {
      return -1;
    }
    for (int q = p + 1; q <= p + hex; q++) {
      if (Character.digit(t[q], 16) < 0) {
        return -1;
      }
    }
    return hex == 8 ? -1 : 1 + hex; // a code point past U+FFFF is read differently; not ours
  }

  /** A literal or folded block scalar whose header is at c, in a collection at indent m. */
  private boolean block(int m, int c, int end) {
    int p = c + 1;
    if (p < end && (t[p] == '-' || t[p] == '+')) {
      p++;
    }
    if (!rest(p, end)) {
      return false; // an indentation indicator, or text after the header
    }
    pos = next(end);
    int longestBlank = 0;
    int q = pos;
    int k = -1;
    while (q < n) {
      int e = end(q);
      if (!allowed(q, e)) {
        return false;
      }
      int i = indent(q, e);
      if (i < e - q) {
        k = i;
        break;
      }
      longestBlank = Math.max(longestBlank, i);
      q = next(e);
    }
    if (k <= m) {
      return longestBlank <= m; // empty; any content that follows is the collection's
    }
    if (longestBlank > k) {
      return false;
    }
    while (q < n) {
      int e = end(q);
      if (!allowed(q, e)) {
        return false;
      }
      int i = indent(q, e);
      if (i < e - q && i < k) {
        break;
      }
      q = next(e);
    }
    pos = q;
    return true;
  }

  private boolean advance(int end) {
    pos = next(end);
    return true;
  }

  /**
   * The start of the next line holding more than spaces or a comment, n at the end, or -1 at a
   * character not allowed.
   */
  private int content() {
    int p = pos;
    while (p < n) {
      int e = end(p);
      if (!allowed(p, e)) {
        return -1;
      }
      int i = indent(p, e);
      if (i < e - p && t[p + i] != '#') {
        lineEnd = e;
        lineIndent = i;
        return p;
      }
      p = next(e);
    }
    pos = n;
    return n;
  }

  /** The offset after a plain key at k (its ':'), or -1 unless a ':' and a space or end follow. */
  private int key(int k, int end) {
    int p = k;
    while (p < end && p - k <= MAX_KEY) {
      char x = t[p];
      if (!(x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z' || x >= '0' && x <= '9' || x == '_'
          || x == '.' || x == '/' || x == '$' || x == '-' && p > k)) {
        break;
      }
      p++;
    }
    if (p == k || p >= end || p - k > MAX_KEY || t[p] != ':'
        || p + 1 < end && t[p + 1] != ' ') {
      return -1;
    }
    return p;
  }

  private boolean dash(int p, int end) {
    return p < end && t[p] == '-' && (p + 1 == end || t[p + 1] == ' ');
  }

  /** Only spaces, then the end of the line or a comment, from p. */
  private boolean rest(int p, int end) {
    int q = p;
    while (q < end && t[q] == ' ') {
      q++;
    }
    return q == end || t[q] == '#' && q > p;
  }

  private int first(int p, int end) {
    int q = p;
    while (q < end && t[q] == ' ') {
      q++;
    }
    return q;
  }

  private int indent(int p, int end) {
    if (p == lineAt && end == lineEndAt) {
      return lineIndentAt;
    }
    int q = p;
    while (q < end && t[q] == ' ') {
      q++;
    }
    return q - p;
  }

  /**
   * The end of the line starting at p. The line is scanned once, its indent and whether its
   * characters are allowed kept with it: every step asks again about the line it is on.
   */
  private int end(int p) {
    if (p == lineAt) {
      return lineEndAt;
    }
    int e = p;
    while (e < n && t[e] == ' ') {
      e++;
    }
    int indent = e - p;
    boolean ok = true;
    for (; e < n; e++) {
      char x = t[e];
      if (x >= 0x20 && x < 0x7f) {
        continue;
      }
      if (x == '\n') {
        break;
      }
      ok &= allowed(x);
    }
    lineAt = p;
    lineEndAt = e;
    lineIndentAt = indent;
    lineOk = ok;
    return e;
  }

  private boolean dashes(int p) {
    return p + 2 < n && t[p] == '-' && t[p + 1] == '-' && t[p + 2] == '-';
  }

  private int next(int end) {
    return Math.min(end + 1, n);
  }

  /**
   * Printable characters SnakeYAML and go-yaml read alike, no tab, no carriage return and no
   * line separator but '\n'; each line is looked at once.
   */
  private boolean allowed(int from, int end) {
    if (from == lineAt && end == lineEndAt) {
      return lineOk;
    }
    for (int p = from; p < end; p++) {
      if (!allowed(t[p])) {
        return false;
      }
    }
    return true;
  }

  private static boolean allowed(char x) {
    return x >= 0x20 && x != 0x7f && !(x >= 0x80 && (x < 0xa0 || x >= 0xd800 && x <= 0xdfff
        || x == 0x2028 || x == 0x2029 || x == 0xfeff || x >= 0xfffe));
  }
}
