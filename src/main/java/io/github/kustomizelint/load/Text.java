package io.github.kustomizelint.load;

/** Edit distance, for "did you mean" hints and nearest-name suggestions. */
public final class Text {

  private Text() {}

  /** Longer strings are not compared: no hint is worth quadratic work on hostile input. */
  public static final int MAX_LENGTH = 128;

  /** Levenshtein distance; for a string over MAX_LENGTH, the longer length (no hint). */
  public static int distance(String a, String b) {
    if (a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
      return Math.max(a.length(), b.length());
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
