package io.github.kustomizelint.load;

/**
 * A linear look at how deep flow collections ({@code [ {}) nest, before SnakeYAML reads the
 * text: its scanner revisits every open flow level at every token, so thousands of open
 * brackets cost quadratic time. kustomize (go-yaml) refuses more than 10,000 levels anyway.
 * Quoted scalars and comments are skipped; brackets inside a block scalar are counted (a
 * block scalar holding thousands of unbalanced brackets is refused, which kustomize would read).
 */
final class FlowDepth {

  private FlowDepth() {}

  /** The offset at which flow nesting first passes max, or -1. */
  static int over(String text, int max) {
    if (openings(text, max) <= max) {
      return -1; // too few brackets to nest that deep: most files, found by a fast search
    }
    int depth = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        if (++depth > max) {
          return i;
        }
      } else if (c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == '"' || c == '\'') {
        i = closing(text, i, c);
      } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      }
    }
    return -1;
  }

  /** How many opening brackets the text holds, counted up to max + 1. */
  private static int openings(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int count = 0;
    for (int i = text.indexOf('['); i >= 0 && count <= max; i = text.indexOf('[', i + 1)) {
      count++;
    }
    for (int i = text.indexOf('{'); i >= 0 && count <= max; i = text.indexOf('{', i + 1)) {
      count++;
    }
    return count;
  }

  // Index of the quote closing the scalar opened at i (or the end of the text).
  private static int closing(String text, int i, char quote) {
    for (int j = i + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (quote == '"' && c == '\\') {
        j++;
      } else if (c == quote) {
        if (quote == '\'' && j + 1 < text.length() && text.charAt(j + 1) == '\'') {
          j++;
        } else {
          return j;
        }
      }
    }
    return text.length();
  }
}
