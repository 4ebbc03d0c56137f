package io.github.kustomizelint.content;

import io.github.kustomizelint.model.Location;

/**
 * How go-yaml v2 writes a string: plain when it reads back as the same string, else quoted;
 * a string with a line break as a literal block. Ported from its emitter's analyze and
 * select-style steps; what the port does not cover is {@link Unmodelled}.
 */
final class ScalarStyle {

  private static final int BEST_WIDTH = 80;

  record Analysis(boolean multiline, boolean blockPlain, boolean single, boolean block,
      boolean special) {}

  private ScalarStyle() {}

  static boolean printable(int c) {
    return c == 0x0A || c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
  }

  private static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlankz(int[] v, int i) {
    return i >= v.length || v[i] == ' ' || v[i] == '\t' || isBreak(v[i]);
  }

  /** Whether s holds no surrogate, so that its chars are its code points. */
  static boolean bmp(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int[] points(String s) {
    if (!bmp(s)) {
      return s.codePoints().toArray();
    }
    int[] v = new int[s.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.charAt(i);
    }
    return v;
  }

  /**
   * Text go-yaml v2 writes plain and whole, as it stands: a letter, then letters, digits and
   * . _ / - (and ':' before the end); not a word YAML 1.1 reads as a bool or null; nothing to
   * fold at, as there is no space. Most keys and names are such, and skip the full analysis.
   */
  static boolean simplePlain(String s) {
    int n = s.length();
    if (n == 0 || n > BEST_WIDTH || !(s.charAt(0) >= 'a' && s.charAt(0) <= 'z'
        || s.charAt(0) >= 'A' && s.charAt(0) <= 'Z')) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == '/' || c == '-' || c == ':' && i < n - 1;
      if (!ok) {
        return false;
      }
    }
    return !Values.v2QuotesAsNonString(s);
  }

  static Analysis analyze(String s) {
    int[] v = points(s);
    if (v.length == 0) {
      return new Analysis(false, true, true, false, false);
    }
    boolean blockInd = s.startsWith("---") || s.startsWith("...");
    boolean special = false;
    boolean lineBreaks = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean prevSpace = false;
    boolean prevBreak = false;
    boolean precededByWs = true;
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      boolean followedByWs = i + 1 >= v.length || v[i + 1] == ' ' || v[i + 1] == '\t'
          || isBreak(v[i + 1]);
      if (i == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
          blockInd = true;
        } else if ((c == '?' || c == ':' || c == '-') && followedByWs) {
          blockInd = true;
        }
      } else if (c == ':' && followedByWs || c == '#' && precededByWs) {
        blockInd = true;
      }
      if (!printable(c)) {
        special = true;
      }
      if (c == ' ') {
        leadingSpace |= i == 0;
        trailingSpace |= i == v.length - 1;
        breakSpace |= prevBreak;
        prevSpace = true;
        prevBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        leadingBreak |= i == 0;
        trailingBreak |= i == v.length - 1;
        spaceBreak |= prevSpace;
        prevSpace = false;
        prevBreak = true;
      } else {
        prevSpace = false;
        prevBreak = false;
      }
      precededByWs = isBlankz(v, i);
    }
    boolean blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak
        || breakSpace || lineBreaks || blockInd);
    boolean single = !breakSpace;
    boolean block = !trailingSpace;
    if (spaceBreak || special) {
      blockPlain = false;
      single = false;
      block = false;
    }
    return new Analysis(lineBreaks, blockPlain, single, block, special);
  }

  /** Writes {@code s} starting at {@code column}; continuation lines start at {@code indent}. */
  static void writeString(StringBuilder out, String s, boolean key, int column, int indent,
      Location at) {
    if (simplePlain(s)) {
      out.append(s);
      return;
    }
    for (int c : points(s)) {
      if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == '\r') {
        throw new Unmodelled("a string with a non-newline line break", at);
      }
    }
    Analysis a = analyze(s);
    char style;
    if (s.indexOf('\n') >= 0) {
      style = a.block() && !key ? '|' : '"';
    } else if (Values.v2QuotesAsNonString(s)) {
      style = '"';
    } else if (a.blockPlain()) {
      style = 'p';
    } else {
      style = a.single() ? '\'' : '"';
    }
    switch (style) {
      case 'p' -> breaking(out, s, !key, column, indent, false);
      case '\'' -> breaking(out, s, !key, column, indent, true);
      case '|' -> literal(out, s, indent);
      default -> doubleQuoted(out, s, !key, column, indent);
    }
  }

  // Plain and single-quoted text break at a single space once past the width.
  private static void breaking(StringBuilder out, String s, boolean allowBreaks, int column,
      int indent, boolean quoted) {
    int[] v = points(s);
    int col = column;
    if (quoted) {
      out.append('\'');
      col++;
    }
    boolean spaces = false;
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      if (c == ' ') {
        boolean inner = !quoted || i != 0 && i != v.length - 1;
        if (allowBreaks && !spaces && col > BEST_WIDTH && inner
            && !(i + 1 < v.length && v[i + 1] == ' ')) {
          out.append('\n').append(" ".repeat(indent));
          col = indent;
        } else {
          out.append(' ');
          col++;
        }
        spaces = true;
      } else {
        if (quoted && c == '\'') {
          out.append('\'');
          col++;
        }
        out.appendCodePoint(c);
        col++;
        spaces = false;
      }
    }
    if (quoted) {
      out.append('\'');
    }
  }

  private static void literal(StringBuilder out, String s, int indent) {
    out.append('|');
    if (s.charAt(0) == ' ' || s.charAt(0) == '\n') {
      out.append('2');
    }
    if (!s.endsWith("\n")) {
      out.append('-');
    } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
      out.append('+');
    }
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    for (String line : body.split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        out.append(" ".repeat(indent)).append(line);
      }
    }
  }

  /**
   * go-yaml's double-quoted scalar: past the width, a single space becomes a line break (a
   * space after it is escaped, as folding would drop it).
   */
  private static void doubleQuoted(StringBuilder out, String s, boolean allowBreaks,
      int column, int indent) {
    int[] v = points(s);
    out.append('"');
    int col = column + 1;
    boolean spaces = false;
    for (int i = 0; i < v.length; i++) {
      int c = v[i];
      if (c == ' ' && !spaces && allowBreaks && col > BEST_WIDTH && i > 0 && i < v.length - 1) {
        out.append('\n').append(" ".repeat(indent));
        col = indent;
        if (v[i + 1] == ' ') {
          out.append('\\');
          col++;
        }
        spaces = true;
        continue;
      }
      col += escaped(out, c);
      spaces = c == ' ';
    }
    out.append('"');
  }

  /** Writes c as go-yaml does inside double quotes; returns the columns it took. */
  private static int escaped(StringBuilder out, int c) {
    boolean escape = !printable(c) || c == 0xFEFF || c == '"' || c == '\\' || c == '\n';
    if (!escape) {
      out.appendCodePoint(c);
      return 1;
    }
    String esc = switch (c) {
      case 0 -> "\\0";
      case 7 -> "\\a";
      case 8 -> "\\b";
      case 9 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> c <= 0xFF ? String.format("\\x%02X", c)
          : c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%08X", c);
    };
    out.append(esc);
    return esc.length();
  }
}
